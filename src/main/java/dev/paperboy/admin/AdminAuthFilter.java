package dev.paperboy.admin;

import dev.paperboy.web.ClientAddress;
import dev.paperboy.web.ErrorResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request to an /api/admin resource must carry the admin bearer token (the bounce webhook also takes its
 * own secret). A client that fails too often gets 429 ({@link FailedAdminLogins}, shared with the console's
 * login form).
 *
 * <p>Checked twice: before matching, on the path, so that no content negotiation (a 406 for
 * {@code Accept: text/html}) answers a caller who has not authenticated; and after matching, on the resource
 * class, so that no spelling of the URL that reaches an admin resource slips past.
 */
public class AdminAuthFilter {

    private static final String CHECKED = AdminAuthFilter.class.getName() + ".checked";

    private final AdminToken token;
    private final FailedAdminLogins failures;

    AdminAuthFilter(AdminToken token, FailedAdminLogins failures) {
        this.token = token;
        this.failures = failures;
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
        if (failures.blocked(client)) {
            return Response.fromResponse(ErrorResponses.of(null, Response.Status.TOO_MANY_REQUESTS,
                    "Too many failed admin logins from your address; try again in a minute."))
                    .header(HttpHeaders.RETRY_AFTER, failures.secondsLeft()).build();
        }
        String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (token.accepts(authorization) || bounceWebhook && token.acceptsBounceSecret(authorization)) {
            return null;
        }
        failures.record(client, ctx.getMethod() + " " + ctx.getUriInfo().getPath() + " with "
                + (authorization == null ? "no Authorization header" : "wrong credentials"));
        return Response.fromResponse(ErrorResponses.of(null, Response.Status.UNAUTHORIZED,
                "Admin endpoints need the header Authorization: Bearer <paperboy.admin.token>."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
