package dev.paperboy.admin;

import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.subscriber.EmailAddress;
import dev.paperboy.subscriber.Suppressions;
import dev.paperboy.web.BadInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bounces and complaints reported by the relay or the mailbox provider's feedback loop, as
 * {@code {"address": "...", "type": "hard|soft|complaint", "reason": "..."}}. Guarded by the admin token.
 */
@Tag(name = "Delivery")
@Path("/api/admin/bounces")
public class BounceWebhook {

    /** The webhook body. */
    public record Report(String address, String type, String reason) {}

    private final Suppressions suppressions;
    private final OutboxStore outbox;

    BounceWebhook(Suppressions suppressions, OutboxStore outbox) {
        this.suppressions = suppressions;
        this.outbox = outbox;
    }

    @Operation(summary = "Report a bounce or a complaint from the relay")
    @APIResponse(responseCode = "200", description = "{known, type}: whether the address is a subscriber's, and what was recorded")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "401", description = "No or a wrong bounce-webhook secret")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> report(Report report) {
        if (report == null) {
            throw new BadInputException("Send a JSON object: {\"address\": ..., \"type\": \"hard|soft|complaint\", \"reason\": ...}.");
        }
        Suppressions.Report kind = kind(report.type());
        if (report.address() == null || report.address().isBlank()) {
            throw new BadInputException("address is required: the address that bounced or complained.");
        }
        EmailAddress address = EmailAddress.parse(report.address());
        String reason = report.reason() == null ? kind.name().toLowerCase(Locale.ROOT) : report.reason();
        return suppressions.record(address, kind).map(id -> {
            if (kind != Suppressions.Report.SOFT_BOUNCE) {
                outbox.markLatestBounced(id, reason);
            }
            return Map.<String, Object>of("known", true, "type", kind.name());
        }).orElse(Map.of("known", false, "type", kind.name()));
    }

    private static Suppressions.Report kind(String type) {
        if (type == null) {
            throw new BadInputException("type is required: hard, soft or complaint.");
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "hard" -> Suppressions.Report.HARD_BOUNCE;
            case "soft" -> Suppressions.Report.SOFT_BOUNCE;
            case "complaint" -> Suppressions.Report.COMPLAINT;
            default -> throw new BadInputException("Unknown type \"" + BadInputException.shown(type)
                    + "\"; expected hard, soft or complaint.");
        };
    }
}
