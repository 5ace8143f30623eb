package dev.paperboy.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service as shipped: a confirmed subscriber gets the welcome email (most tests turn it off, see application.properties). */
public class WithWelcome implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("paperboy.digest.welcome", "true");
    }
}
