package dev.paperboy.console;

import io.quarkus.qute.TemplateExtension;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How console pages write times: in UTC to the minute, a dash for none. */
@TemplateExtension
final class ConsoleFormats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private ConsoleFormats() {}

    /** {@code {s.status.lower}}: "confirmed" */
    static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code {s.createdAt.utc}} */
    static String utc(OffsetDateTime time) {
        return time == null ? "—" : time.withOffsetSameInstant(ZoneOffset.UTC).format(MINUTE);
    }
}
