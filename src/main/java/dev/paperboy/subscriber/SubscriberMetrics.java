package dev.paperboy.subscriber;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Subscribers by state as a Prometheus gauge ({@code paperboy_subscribers{state=...}}), refreshed every 30 s. */
@ApplicationScoped
public class SubscriberMetrics {

    private final Map<SubscriberStatus, AtomicLong> byState = new EnumMap<>(SubscriberStatus.class);

    SubscriberMetrics(MeterRegistry registry) {
        for (SubscriberStatus s : SubscriberStatus.values()) {
            AtomicLong n = new AtomicLong();
            byState.put(s, n);
            registry.gauge("paperboy.subscribers", List.of(io.micrometer.core.instrument.Tag.of("state",
                    s.name().toLowerCase(Locale.ROOT))), n);
        }
    }

    @Scheduled(every = "30s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Subscriber.getEntityManager()
                .createQuery("select s.status, count(s) from Subscriber s group by s.status", Object[].class)
                .getResultList());
        byState.values().forEach(n -> n.set(0));
        for (Object[] r : rows) {
            byState.get((SubscriberStatus) r[0]).set(((Number) r[1]).longValue());
        }
    }
}
