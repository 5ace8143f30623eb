package dev.paperboy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files, checked without Docker or Kubernetes: every variable they set is a documented setting,
 * every probe and health check asks a path the packaged service answers, and every path the Dockerfile copies
 * exists after {@code ./mvnw package}.
 */
@Timeout(120)
class DeployFilesIT {

    private static final Pattern DOCUMENTED = Pattern.compile("`((?:paperboy|quarkus)\\.[a-z0-9.\\-\"]+)`");

    @Test
    void everyVariableTheDeployFilesSetIsADocumentedSetting() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(Files.readString(Path.of("docs/configuration.md")));
        while (m.find()) {
            // As MicroProfile Config maps a property to an environment variable.
            documented.add(m.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        Set<String> set = new TreeSet<>(composeVariables());
        set.addAll(kubernetesVariables());
        assertTrue(set.size() > 10, "the files set the database, mail and secrets: " + set);
        List<String> undocumented = set.stream().filter(v -> !documented.contains(v)).toList();
        assertEquals(List.of(), undocumented, "set by deploy/ but not in docs/configuration.md");
    }

    @Test
    void everyProbeAsksAPathThePackagedServiceAnswers(@TempDir Path work) throws Exception {
        List<String> paths = new ArrayList<>(kubernetesProbePaths());
        Matcher health = Pattern.compile("http://127\\.0\\.0\\.1:8080(/\\S+)").matcher(Files.readString(Path.of("deploy/Dockerfile")));
        assertTrue(health.find(), "the Dockerfile has a HEALTHCHECK");
        paths.add(health.group(1));
        assertTrue(paths.containsAll(List.of("/q/health/started", "/q/health/ready", "/q/health/live")), paths.toString());
        Map<String, String> config = new java.util.HashMap<>(new ItDatabase(work).config(false));
        config.put("PAPERBOY_DATA_DIR", work.toString());
        try (AppProcess app = AppProcess.start("deploy-probes", config, work)) {
            for (String path : paths) {
                assertEquals(200, app.get(path).statusCode(), path);
            }
        }
    }

    @Test
    void everyPathTheDockerfileCopiesExistsAfterPackaging() throws Exception {
        List<String> copied = Files.readAllLines(Path.of("deploy/Dockerfile")).stream().map(String::strip)
                .filter(l -> l.startsWith("COPY ") && !l.contains("--from")).map(l -> l.split("\\s+")[1]).toList();
        assertFalse(copied.isEmpty());
        for (String source : copied) {
            assertTrue(Files.exists(Path.of(source)), "the Dockerfile copies " + source + ", which ./mvnw package did not make");
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> composeVariables() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deploy/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Set<String> vars = new TreeSet<>();
        services.forEach((name, service) -> {
            Object env = ((Map<String, Object>) service).get("environment");
            if (name.startsWith("app") && env instanceof Map<?, ?> map) {
                map.keySet().forEach(k -> vars.add((String) k));
            }
        });
        assertTrue(vars.contains("QUARKUS_DATASOURCE_JDBC_URL"), "the app services share the environment anchor: " + vars);
        return vars;
    }

    private static List<Map<String, Object>> kubernetes() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(Path.of("deploy/k8s/paperboy.yaml")))) {
            if (doc != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) doc;
                docs.add(map);
            }
        }
        assertEquals(Set.of("ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler"),
                docs.stream().map(d -> (String) d.get("kind")).collect(Collectors.toSet()));
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> kubernetesVariables() throws Exception {
        Set<String> vars = new TreeSet<>();
        for (Map<String, Object> doc : kubernetes()) {
            switch ((String) doc.get("kind")) {
                case "ConfigMap" -> vars.addAll(((Map<String, Object>) doc.get("data")).keySet());
                case "Secret" -> vars.addAll(((Map<String, Object>) doc.get("stringData")).keySet());
                case "Deployment" -> containers(doc).forEach(c -> ((List<Map<String, Object>>) c.getOrDefault("env", List.of()))
                        .forEach(e -> vars.add((String) e.get("name"))));
                default -> { }
            }
        }
        return vars;
    }

    @SuppressWarnings("unchecked")
    private static List<String> kubernetesProbePaths() throws Exception {
        List<String> paths = new ArrayList<>();
        for (Map<String, Object> doc : kubernetes()) {
            if ("Deployment".equals(doc.get("kind"))) {
                for (Map<String, Object> c : containers(doc)) {
                    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) c.get(probe)).get("httpGet");
                        paths.add((String) get.get("path"));
                    }
                }
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return (List<Map<String, Object>>) pod.get("containers");
    }
}
