package dev.paperboy.paper;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the search index opens: without it nothing can be matched, previewed or sent. */
@Readiness
@ApplicationScoped
public class SearchIndexHealth implements HealthCheck {

    private final PaperIndex index;

    SearchIndexHealth(PaperIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("search-index").up().withData("papers", index.indexedPapers()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("search-index").down().withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
