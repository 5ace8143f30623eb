package dev.paperboy.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every HTML response, pages and error pages alike, names its charset: "text/html" alone lets a browser guess,
 * and a guessed charset is how UTF-7 and similar tricks get past escaping. Done as the headers go out, since the
 * template layer sets a bare "text/html".
 */
@ApplicationScoped
public class HtmlCharset {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                String type = rc.response().headers().get("Content-Type");
                if (type != null && type.equalsIgnoreCase("text/html")) {
                    rc.response().headers().set("Content-Type", "text/html;charset=utf-8");
                }
            });
            rc.next();
        });
    }
}
