package dev.paperboy.subscriber;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON sign-up, the same as the web form: answers 202 and sends the confirmation email. */
@Tag(name = "Subscribers")
@Path("/api/subscriptions")
public class SubscriptionApi {

    /** The request body; keywords may also hold comma- or newline-separated entries. */
    public record SignupRequest(String email, List<String> keywords) {}

    private final SubscriptionService subscriptions;

    SubscriptionApi(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Operation(summary = "Sign up: a confirmation email goes to the address")
    @APIResponse(responseCode = "202", description = "Accepted; the same answer whether or not the address was subscribed")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "429", description = "Too many requests from this client; try again in a minute")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribe(SignupRequest request) {
        if (request == null) {
            throw new dev.paperboy.web.BadInputException("Send a JSON object: {\"email\": ..., \"keywords\": [...]}.");
        }
        EmailAddress email = EmailAddress.parse(request.email());
        Keywords keywords = Keywords.parse(request.keywords() == null ? List.of() : request.keywords());
        subscriptions.subscribe(email, keywords);
        return Response.accepted(Map.of("status", "pending",
                "message", "Check your inbox: we sent a link to confirm the subscription.")).build();
    }
}
