package dev.paperboy.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced past {@code quarkus.http.limits.max-body-size} gets the same JSON error every other refusal
 * has, before the HTTP layer's own bare 413 would answer it.
 */
@ApplicationScoped
public class BodyTooLarge {

    private final long limit;

    BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        router.errorHandler(413, rc -> refuse(rc));
    }

    private void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long announced;
        try {
            announced = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            announced = -1;
        }
        if (announced > limit) {
            refuse(rc);
        } else {
            rc.next();
        }
    }

    private void refuse(RoutingContext rc) {
        // Closed after the answer: the rest of the body is not read, so the connection cannot carry another request.
        rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end(new JsonObject().put("status", 413).put("error", "Request Entity Too Large")
                        .put("message", "The request body is too large: at most " + limit + " bytes.").encode())
                .onComplete(done -> rc.request().connection().close());
    }
}
