package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.admin.AdminConfig;
import dev.paperboy.admin.ScheduleConfig;
import dev.paperboy.digest.DigestConfig;
import dev.paperboy.ingest.IngestConfig;
import dev.paperboy.mail.MailConfig;
import dev.paperboy.match.MatchConfig;
import dev.paperboy.paper.SemanticConfig;
import dev.paperboy.subscriber.SubscriberConfig;
import dev.paperboy.web.WebConfig;
import io.smallrye.config.ConfigMapping;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md must name every setting the @ConfigMapping interfaces define. */
class ConfigurationDocTest {

    @Test
    void everySettingIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        List<String> missing = new ArrayList<>();
        for (Class<?> mapping : List.of(PaperboyConfig.class, WebConfig.class, AdminConfig.class, ScheduleConfig.class,
                IngestConfig.class, MatchConfig.class, SemanticConfig.class, DigestConfig.class, SubscriberConfig.class,
                MailConfig.class)) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, doc, missing);
        }
        assertEquals(List.of(), missing, "settings missing from docs/configuration.md");
    }

    private static void collect(String prefix, Class<?> type, String doc, List<String> missing) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String key = prefix + "." + m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            if (m.getReturnType().isInterface() && m.getReturnType().getEnclosingClass() == type) {
                collect(key, m.getReturnType(), doc, missing);
            } else if (!doc.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
    }
}
