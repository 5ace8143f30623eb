package dev.paperboy.paper;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the search index is open: without it nothing can be matched, previewed or sent. It opens in the
 * background as the service starts ({@link PaperIndex#openInBackground}); until then this says DOWN at once
 * rather than hold the probe. If that attempt failed, each probe tries again and says why it could not.
 */
@Readiness
@ApplicationScoped
public class SearchIndexHealth implements HealthCheck {

    private final PaperIndex index;

    SearchIndexHealth(PaperIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        if (index.opening()) {
            return HealthCheckResponse.named("search-index").down().withData("state", "opening").build();
        }
        try {
            return HealthCheckResponse.named("search-index").up().withData("papers", index.indexedPapers()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("search-index").down().withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
