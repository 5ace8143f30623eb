package dev.paperboy.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds error responses as JSON for API clients and as an HTML page for people using the forms. */
public final class ErrorResponses {

    @CheckedTemplate(basePath = "web", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    private ErrorResponses() {}

    public static Response of(HttpHeaders headers, Response.Status status, String message) {
        if (wantsHtml(headers)) {
            String html = Templates.error(status.getStatusCode(), status.getReasonPhrase(), message).render();
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", status.getStatusCode(), "error", status.getReasonPhrase(), "message", message))
                .build();
    }

    /** HTML for people using the pages; API paths always answer JSON, whatever the client's headers say. */
    static boolean wantsHtml(HttpHeaders headers) {
        if (headers == null || CurrentPath.isApi()) {
            return false;
        }
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return true;
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.TEXT_HTML_TYPE));
    }
}
