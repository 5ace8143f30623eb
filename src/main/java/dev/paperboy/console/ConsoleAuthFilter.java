package dev.paperboy.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every console page but the login form needs a valid session ({@link ConsoleSession}); without one, the browser
 * is sent to the login form. Checked before matching, on the path, so that no resource method runs first.
 */
public class ConsoleAuthFilter {

    static final String LOGIN = "/admin/login";

    private final ConsoleSession session;

    ConsoleAuthFilter(ConsoleSession session) {
        this.session = session;
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireSession(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath().replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        if (!(path.equals("/admin") || path.startsWith("/admin/")) || path.equals(LOGIN) || path.equals(LOGIN + "/")) {
            return null;
        }
        Cookie cookie = ctx.getCookies().get(ConsoleSession.COOKIE);
        if (session.valid(cookie == null ? null : cookie.getValue())) {
            return null;
        }
        return Response.seeOther(URI.create(LOGIN)).build();
    }
}
