package dev.paperboy.admin;

import dev.paperboy.web.ErrorResponses;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every request to an /api/admin resource must carry the admin bearer token. */
public class AdminAuthFilter {

    private final AdminToken token;

    AdminAuthFilter(AdminToken token) {
        this.token = token;
    }

    /** Decided on the matched resource, not the raw path, so no spelling of the URL slips past. */
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext ctx, ResourceInfo resource) {
        Path path = resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(Path.class);
        if (path == null || !path.value().startsWith("/api/admin")) {
            return null;
        }
        if (token.accepts(ctx.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        return Response.fromResponse(ErrorResponses.of(null, Response.Status.UNAUTHORIZED,
                "Admin endpoints need the header Authorization: Bearer <paperboy.admin.token>."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
