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
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request to an /api/admin resource must carry the admin bearer token (the bounce webhook also takes its
 * own secret). A client that fails {@value #FAILURES_PER_MINUTE} times in a minute gets 429 until the minute
 * ends, whatever it sends; every failure is logged, never the token.
 *
 * <p>Checked twice: before matching, on the path, so that no content negotiation (a 406 for
 * {@code Accept: text/html}) answers a caller who has not authenticated; and after matching, on the resource
 * class, so that no spelling of the URL that reaches an admin resource slips past.
 */
public class AdminAuthFilter {

    static final int FAILURES_PER_MINUTE = 10;
    private static final Logger LOG = Logger.getLogger(AdminAuthFilter.class);
    private static final MinuteWindows FAILURES = new MinuteWindows(FAILURES_PER_MINUTE);
    private static final String CHECKED = AdminAuthFilter.class.getName() + ".checked";

    private final AdminToken token;

    AdminAuthFilter(AdminToken token) {
        this.token = token;
    }

    @ServerRequestFilter(preMatching = true)
    public Response beforeMatching(ContainerRequestContext ctx, HttpServerRequest request) {
        String path = ctx.getUriInfo().getPath().replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        if (!path.startsWith("/api/admin")) {
            return null;
        }
        ctx.setProperty(CHECKED, Boolean.TRUE);
        return check(ctx, request, path.startsWith("/api/admin/bounces"));
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Response afterMatching(ContainerRequestContext ctx, ResourceInfo resource, HttpServerRequest request) {
        Path path = resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(Path.class);
        if (path == null || !path.value().startsWith("/api/admin") || ctx.getProperty(CHECKED) != null) {
            return null;
        }
        return check(ctx, request, resource.getResourceClass() == BounceWebhook.class);
    }

    /** @return null to let the request through, else the 401 or 429 to answer */
    private Response check(ContainerRequestContext ctx, HttpServerRequest request, boolean bounceWebhook) {
        String client = ClientAddress.of(request);
        if (FAILURES.exhausted(client)) {
            return Response.fromResponse(ErrorResponses.of(null, Response.Status.TOO_MANY_REQUESTS,
                    "Too many failed admin logins from your address; try again in a minute."))
                    .header(HttpHeaders.RETRY_AFTER, FAILURES.secondsLeft()).build();
        }
        String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (token.accepts(authorization) || bounceWebhook && token.acceptsBounceSecret(authorization)) {
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
