package dev.paperboy.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
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
    public Response invalid(ConstraintViolationException e, HttpHeaders headers) {
        String message = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ErrorResponses.of(headers, Response.Status.BAD_REQUEST, message);
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
        Response.StatusType status = e.getResponse().getStatusInfo();
        Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
        if (known == null) {
            return e.getResponse();
        }
        String message = e.getMessage() == null ? known.getReasonPhrase() : e.getMessage();
        return ErrorResponses.of(headers, known, message);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpHeaders headers) {
        LOG.error("Unhandled error", e);
        return ErrorResponses.of(headers, Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed; please try again.");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
