package dev.paperboy.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become responses; resources never catch to build errors themselves. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response badInput(BadInputException e, HttpHeaders headers) {
        return ErrorResponses.of(headers, Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response expiredLink(ExpiredLinkException e, HttpHeaders headers) {
        return ErrorResponses.of(headers, Response.Status.BAD_REQUEST, "This link has expired", e.getMessage(),
                e.token());
    }

    /** Bound by the JSON reader itself, which would answer a bare 400. */
    @ServerExceptionMapper
    public Response wrongJsonShape(MismatchedInputException e, HttpHeaders headers) {
        return ErrorResponses.of(headers, Response.Status.BAD_REQUEST, jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response tooMany(RateLimitedException e, HttpHeaders headers) {
        Response r = ErrorResponses.of(headers, Response.Status.TOO_MANY_REQUESTS, e.getMessage());
        return Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableException e, HttpHeaders headers) {
        // The cause's class only: relay errors quote the recipient's address, which stays out of logs.
        LOG.warnf("Service unavailable: %s (%s)", e.getMessage(),
                e.getCause() == null ? "no cause" : e.getCause().getClass().getSimpleName());
        return ErrorResponses.of(headers, Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        String json = jsonProblem(e.getCause());
        if (json != null) {
            return ErrorResponses.of(headers, Response.Status.BAD_REQUEST, json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
        if (known == null) {
            return e.getResponse();
        }
        return ErrorResponses.of(headers, known, plain(known, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpHeaders headers) {
        LOG.error("Unhandled error", e);
        // Whether anything changed is not known here, so the answer does not claim either.
        return ErrorResponses.of(headers, Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again in a moment.");
    }

    /**
     * The reader turns a body it cannot bind into a bare 400; this says what is wrong with it instead: where the
     * JSON breaks, or which field has the wrong type. Null if {@code cause} is no JSON problem.
     */
    private static String jsonProblem(Throwable cause) {
        if (cause instanceof JsonParseException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return "The body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage());
        }
        if (cause instanceof MismatchedInputException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String expected = e.getTargetType() == null ? "another type" : readable(e.getTargetType());
            return field.isEmpty() ? "The body has the wrong shape: expected " + expected + "."
                    : "\"" + BadInputException.shown(field) + "\" has the wrong type: expected " + expected + ".";
        }
        return null;
    }

    /** The framework's own texts name its internals ("matching target resource method"); these say it plainly. */
    private static String plain(Response.Status status, String frameworkMessage) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take that kind of request.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the format the request asks for (its Accept header).";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not take a body of that type (its Content-Type header).";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large.";
            default -> frameworkMessage == null ? status.getReasonPhrase() : frameworkMessage;
        };
    }

    private static String readable(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number" : "an object";
    }

    /**
     * Parser messages can quote the input and name the parser's own settings; one line of it, without those
     * hints, clipped, is enough to find the mistake.
     */
    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        line = line.replaceAll("\\s*\\([^)]*Feature[^)]*\\)", "").strip();
        String clean = line.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 160 ? clean.substring(0, 160) + "…" : clean;
    }
}
