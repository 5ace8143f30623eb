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
        static native TemplateInstance error(int status, String title, String message, String recoveryToken);
    }

    private ErrorResponses() {}

    public static Response of(HttpHeaders headers, Response.Status status, String message) {
        return of(headers, status, heading(status), message, null);
    }

    /**
     * @param heading the page's heading, in plain words; JSON clients get the status's reason phrase
     * @param recoveryToken a link token the page offers to trade for a fresh link by email, or null
     */
    public static Response of(HttpHeaders headers, Response.Status status, String heading, String message,
            String recoveryToken) {
        if (wantsHtml(headers)) {
            String html = Templates.error(status.getStatusCode(), heading, message, recoveryToken).render();
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", status.getStatusCode(), "error", status.getReasonPhrase(), "message", message))
                .build();
    }

    /** A page's heading for a status, as a person would say it, never the protocol's phrase. */
    static String heading(Response.Status status) {
        return switch (status) {
            case BAD_REQUEST -> "Something needs fixing";
            case UNAUTHORIZED, FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Page not found";
            case METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> "This request can't be answered";
            case REQUEST_ENTITY_TOO_LARGE -> "That is too large";
            case TOO_MANY_REQUESTS -> "Too many requests";
            case SERVICE_UNAVAILABLE -> "Temporarily unavailable";
            default -> status.getStatusCode() >= 500 ? "Something went wrong on our side" : "Something went wrong";
        };
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
