package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md must name every setting of every @ConfigMapping interface in the service: they are found
 * among the compiled classes, so a new capability's or source's settings are checked without a list to update.
 */
class ConfigurationDocTest {

    @Test
    void everySettingIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        List<Class<?>> mappings = mappings();
        assertTrue(mappings.size() >= 10, "found the mappings: " + mappings);
        List<String> missing = new ArrayList<>();
        for (Class<?> mapping : mappings) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, doc, missing);
        }
        assertEquals(List.of(), missing, "settings missing from docs/configuration.md");
    }

    private static List<Class<?>> mappings() throws Exception {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/paperboy"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ConfigurationDocTest.class.getClassLoader());
                if (type.isAnnotationPresent(ConfigMapping.class)) {
                    found.add(type);
                }
            }
        }
        return found;
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
