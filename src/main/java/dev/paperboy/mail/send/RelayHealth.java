package dev.paperboy.mail.send;

import dev.paperboy.mail.Messenger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the mail relay answers: a connection and its greeting (EHLO, STARTTLS and login when
 * configured), closed again at once. Checked at most once a {@link #CACHE} so that probes every few seconds
 * never become a load on the relay; the result in between is the last one.
 */
@Readiness
@ApplicationScoped
public class RelayHealth implements HealthCheck {

    static final Duration CACHE = Duration.ofMinutes(1);

    private record Checked(Instant at, String error) {}

    private final Messenger messenger;
    private final Clock clock;
    private Checked last;

    RelayHealth(Messenger messenger, Clock clock) {
        this.messenger = messenger;
        this.clock = clock;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(CACHE))) {
            last = new Checked(now, probe());
        }
        var response = HealthCheckResponse.named("mail-relay").withData("checkedAt", last.at().toString());
        return last.error() == null ? response.up().build() : response.down().withData("error", last.error()).build();
    }

    /** @return why the relay cannot be reached, or null when it answered */
    private String probe() {
        try (Messenger.Connection connection = messenger.open()) {
            return null;
        } catch (Exception e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
            return e.getClass().getSimpleName() + message;
        }
    }
}
