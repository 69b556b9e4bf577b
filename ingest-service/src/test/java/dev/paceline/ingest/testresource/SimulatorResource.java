package dev.paceline.ingest.testresource;

import dev.paceline.platform.testing.simulator.SimulatorProcess;
import java.security.SecureRandom;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the strava-simulator for a test class on a free port, with its clock frozen, and points ingest at it and at
 * a fresh lake folder. Init args are passed to the simulator as {@code simulator.*} properties.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    private SimulatorProcess launcher;
    private final Map<String, String> simulatorProperties = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        simulatorProperties.put("simulator.admin.hang-duration", "6s");
        simulatorProperties.put("simulator.webhook.retry-delay", "100ms");
        simulatorProperties.put("simulator.webhook.timeout", "2s");
        simulatorProperties.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        launcher = SimulatorProcess.start(simulatorProperties);
        Path lake;
        try {
            lake = Files.createTempDirectory("ingest-lake-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String url = launcher.baseUrl();
        Map<String, String> config = new HashMap<>();
        config.put("paceline.strava.api-url", url + "/api/v3");
        config.put("paceline.strava.oauth-url", url + "/oauth");
        config.put("paceline.strava.client-id", "paceline-local");
        config.put("paceline.strava.client-secret", "paceline-local-secret");
        config.put("paceline.strava.refresh-token", "simulator-refresh-token");
        config.put("paceline.strava.read-timeout", "5s");
        config.put("paceline.ingest.token-key", Base64.getEncoder().encodeToString(randomKey()));
        config.put("paceline.webhook.verify-token", "test-verify-token");
        config.put("paceline.lake.uri", lake.toString());
        config.put("paceline.test.simulator-url", url);
        return config;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void stop() {
        if (launcher != null) {
            launcher.close();
        }
    }
}
