package dev.paperboy.web;

import io.vertx.ext.web.RoutingContext;
import io.quarkus.arc.Arc;

/** The path of the request being handled, for choosing an error format. */
final class CurrentPath {

    private CurrentPath() {}

    static boolean isApi() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return false;
        }
        RoutingContext ctx = container.instance(RoutingContext.class).get();
        return ctx != null && ctx.normalizedPath().startsWith("/api/");
    }
}
