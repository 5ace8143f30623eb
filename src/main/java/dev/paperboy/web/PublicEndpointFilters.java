package dev.paperboy.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Rate limits and browser hardening for everything a member of the public can reach. */
public class PublicEndpointFilters {

    private final RateLimiter limiter;

    PublicEndpointFilters(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public void rateLimit(ContainerRequestContext ctx, HttpServerRequest request) {
        String path = ctx.getUriInfo().getPath();
        if (path.startsWith("/api/admin") || !isStateChangingOrApi(ctx.getMethod(), path)) {
            return;
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        limiter.acquire(client);
    }

    @ServerResponseFilter
    public void hardenPages(ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'");
    }

    private static boolean isStateChangingOrApi(String method, String path) {
        return !"GET".equals(method) && !"HEAD".equals(method) || path.startsWith("/api/");
    }
}
