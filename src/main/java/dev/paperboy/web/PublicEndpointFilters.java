package dev.paperboy.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Rate limits and browser hardening for everything a member of the public can reach. */
public class PublicEndpointFilters {

    private final RateLimiter limiter;
    private final boolean https;

    PublicEndpointFilters(RateLimiter limiter, dev.paperboy.PaperboyConfig app) {
        this.limiter = limiter;
        this.https = app.baseUrl().startsWith("https:");
    }

    @ServerRequestFilter
    public void rateLimit(ContainerRequestContext ctx, HttpServerRequest request) {
        String path = ctx.getUriInfo().getPath();
        if (path.startsWith("/api/admin") || !isStateChangingOrApi(ctx.getMethod(), path)) {
            return;
        }
        limiter.acquire(ClientAddress.of(request));
    }

    @ServerResponseFilter
    public void hardenPages(ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'");
        if (https) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000");
        }
        if (response.getMediaType() != null && response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            // Pages carry signed links and addresses: no shared cache or back-button copy may keep them.
            headers.putSingle("Cache-Control", "no-store");
        }
    }

    private static boolean isStateChangingOrApi(String method, String path) {
        return !"GET".equals(method) && !"HEAD".equals(method) || path.startsWith("/api/") || path.startsWith("/papers");
    }
}
