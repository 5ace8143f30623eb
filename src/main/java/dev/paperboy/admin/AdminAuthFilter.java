package dev.paperboy.admin;

import dev.paperboy.web.ClientAddress;
import dev.paperboy.web.ErrorResponses;
import dev.paperboy.web.MinuteWindows;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request to an /api/admin resource must carry the admin bearer token (the bounce webhook also takes its
 * own secret). A client that fails {@value #FAILURES_PER_MINUTE} times in a minute gets 429 until the minute
 * ends, whatever it sends; every failure is logged, never the token.
 */
public class AdminAuthFilter {

    static final int FAILURES_PER_MINUTE = 10;
    private static final Logger LOG = Logger.getLogger(AdminAuthFilter.class);
    private static final MinuteWindows FAILURES = new MinuteWindows(FAILURES_PER_MINUTE);

    private final AdminToken token;

    AdminAuthFilter(AdminToken token) {
        this.token = token;
    }

    /** Decided on the matched resource, not the raw path, so no spelling of the URL slips past. */
    @ServerRequestFilter(preMatching = false, priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext ctx, ResourceInfo resource, HttpServerRequest request) {
        Path path = resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(Path.class);
        if (path == null || !path.value().startsWith("/api/admin")) {
            return null;
        }
        String client = ClientAddress.of(request);
        if (FAILURES.exhausted(client)) {
            return Response.fromResponse(ErrorResponses.of(null, Response.Status.TOO_MANY_REQUESTS,
                    "Too many failed admin logins from your address; try again in a minute."))
                    .header(HttpHeaders.RETRY_AFTER, FAILURES.secondsLeft()).build();
        }
        String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (token.accepts(authorization)
                || resource.getResourceClass() == BounceWebhook.class && token.acceptsBounceSecret(authorization)) {
            return null;
        }
        FAILURES.tryAcquire(client);
        LOG.warnf("Admin authentication failed for %s %s from %s (%s)", ctx.getMethod(), ctx.getUriInfo().getPath(),
                client, authorization == null ? "no Authorization header" : "wrong credentials");
        return Response.fromResponse(ErrorResponses.of(null, Response.Status.UNAUTHORIZED,
                "Admin endpoints need the header Authorization: Bearer <paperboy.admin.token>."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
