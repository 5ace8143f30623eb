package dev.paperboy.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request past Paperboy's size limits gets the same JSON error every other refusal has: 413 for a body, 414 for
 * a request line, 431 for headers.
 *
 * <p>The HTTP codec refuses what is past <em>its</em> limits before any handler runs, with a bare status and no
 * body, and Quarkus offers no hook there. So the codec's limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set well above Paperboy's ({@link WebConfig#maxRequestLine()},
 * {@link WebConfig#maxHeaderSize()}) and this filter, the first to see each request, enforces the real ones in
 * words. Only a request past the codec's far bound still gets the bare answer.
 */
@ApplicationScoped
public class RequestLimits {

    /** "HTTP/1.1" and the two spaces around the target: the request line is method, target and version. */
    private static final int REQUEST_LINE_OVERHEAD = " HTTP/1.1".length() + 1;
    /** ": " between a header's name and value, and the line's CRLF. */
    private static final int HEADER_LINE_OVERHEAD = 4;

    private final long maxBody;
    private final long maxRequestLine;
    private final long maxHeaders;

    RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, WebConfig config) {
        this.maxBody = maxBody.asLongValue();
        this.maxRequestLine = config.maxRequestLine().asLongValue();
        this.maxHeaders = config.maxHeaderSize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        router.errorHandler(413, this::bodyTooLarge);
    }

    private void check(RoutingContext rc) {
        var request = rc.request();
        long line = request.method().name().length() + request.uri().length() + REQUEST_LINE_OVERHEAD;
        if (line > maxRequestLine) {
            refuse(rc, 414, "URI Too Long", "The address is too long: at most " + maxRequestLine
                    + " characters for the request line, and this one has " + line + ".");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        if (headers > maxHeaders) {
            refuse(rc, 431, "Request Header Fields Too Large", "The request's headers are too large: at most "
                    + maxHeaders + " bytes together, and these have " + headers + ".");
            return;
        }
        if (announcedBody(request.getHeader("Content-Length")) > maxBody) {
            bodyTooLarge(rc);
            return;
        }
        rc.next();
    }

    private static long announcedBody(String length) {
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void bodyTooLarge(RoutingContext rc) {
        refuse(rc, 413, "Request Entity Too Large", "The request body is too large: at most " + maxBody + " bytes.");
    }

    private static void refuse(RoutingContext rc, int status, String error, String message) {
        // Closed after the answer: a body that follows is not read, so the connection cannot carry another request.
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close")
                .end(new JsonObject().put("status", status).put("error", error).put("message", message).encode())
                .onComplete(done -> rc.request().connection().close());
    }
}
