package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The GitHub Actions workflows parse and do what the deployment story relies on. */
class WorkflowsTest {

    private static JsonNode workflow(String file) throws IOException {
        Path path = RepoLayout.WORKFLOWS.resolve(file);
        List<JsonNode> docs = StrictManifests.documents(Files.readString(path), path.toString());
        assertThat(docs).as(file).hasSize(1);
        JsonNode wf = docs.get(0);
        assertThat(wf.path("name").isTextual()).as(file + " name").isTrue();
        assertThat(wf.has("on")).as(file + " triggers").isTrue();
        assertThat(wf.path("jobs").isObject()).as(file + " jobs").isTrue();
        return wf;
    }

    private static List<JsonNode> steps(JsonNode wf, String job) {
        List<JsonNode> out = new ArrayList<>();
        wf.path("jobs").path(job).path("steps").forEach(out::add);
        assertThat(out).as("steps of job " + job).isNotEmpty();
        return out;
    }

    private static Stream<String> runs(JsonNode wf, String job) {
        return steps(wf, job).stream().map(s -> s.path("run").asText(""));
    }

    private static JsonNode uses(JsonNode wf, String job, String action) {
        return steps(wf, job).stream().filter(s -> s.path("uses").asText("").startsWith(action + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("job " + job + " does not use " + action));
    }

    @Test
    void ciRunsTheMavenBuildOnPushAndPullRequestWithCaching() throws IOException {
        JsonNode wf = workflow("ci.yml");
        assertThat(wf.path("on").has("push")).isTrue();
        assertThat(wf.path("on").has("pull_request")).isTrue();
        assertThat(wf.path("jobs").fieldNames()).toIterable().containsExactly("ci");
        assertThat(uses(wf, "ci", "actions/setup-java").path("with").path("cache").asText()).isEqualTo("maven");
        assertThat(uses(wf, "ci", "actions/setup-java").path("with").path("java-version").asText()).isEqualTo("17");
        assertThat(runs(wf, "ci")).anyMatch(run -> run.strip().equals("./mvnw -B verify"));
    }

    @Test
    void nativeBuildsTheThreeServicesWithTheirDockerfilesAndSmokeRunsThem() throws IOException {
        JsonNode wf = workflow("native.yml");
        assertThat(wf.path("jobs").fieldNames()).toIterable().containsExactly("native");
        List<String> services = new ArrayList<>();
        wf.at("/jobs/native/strategy/matrix/service").forEach(s -> services.add(s.path("name").asText()
                + ":" + s.path("port").asInt()));
        assertThat(services).containsExactlyInAnyOrder("ingest-service:8081", "transform-service:8082", "metrics-api:8080");
        JsonNode build = uses(wf, "native", "docker/build-push-action");
        assertThat(build.path("with").path("file").asText())
                .isEqualTo("${{ matrix.service.name }}/src/main/docker/Dockerfile.native");
        assertThat(build.path("with").path("context").asText()).isEqualTo(".");
        assertThat(runs(wf, "native")).anyMatch(run -> run.contains("/q/health/live") && run.contains("--read-only")
                && run.contains("--user 1001"));
    }

    @Test
    void releasePushesToArtifactRegistryWithWorkloadIdentityAndDeploysWithHelm() throws IOException {
        JsonNode wf = workflow("release.yml");
        assertThat(wf.at("/on/push/tags").toString()).contains("v*");
        assertThat(wf.path("jobs").fieldNames()).toIterable().containsExactly("release", "deploy");
        assertThat(wf.at("/permissions/id-token").asText()).isEqualTo("write");
        for (String job : List.of("release", "deploy")) {
            JsonNode auth = uses(wf, job, "google-github-actions/auth");
            assertThat(auth.path("with").has("workload_identity_provider")).isTrue();
            assertThat(auth.path("with").has("credentials_json")).as("no key files").isFalse();
        }
        assertThat(Files.readString(RepoLayout.WORKFLOWS.resolve("release.yml"))).doesNotContain("credentials_json");
        assertThat(wf.at("/env/REGISTRY").asText()).contains("-docker.pkg.dev/");
        JsonNode push = uses(wf, "release", "docker/build-push-action");
        assertThat(push.path("with").path("push").asBoolean()).isTrue();
        assertThat(push.path("with").path("file").asText()).endsWith("/src/main/docker/Dockerfile.native");
        assertThat(wf.at("/jobs/deploy/needs").asText()).isEqualTo("release");
        assertThat(runs(wf, "deploy")).anyMatch(run -> run.contains("helm upgrade --install paceline")
                && run.contains("values-production.yaml") && run.contains("--atomic"));
        assertThat(runs(wf, "deploy")).anyMatch(run -> run.contains("helm test paceline"));
    }

    @Test
    void releaseAndDeployUseDifferentIdentitiesAndDeployImagesByDigest() throws IOException {
        JsonNode wf = workflow("release.yml");
        String release = uses(wf, "release", "google-github-actions/auth").at("/with/service_account").asText();
        String deploy = uses(wf, "deploy", "google-github-actions/auth").at("/with/service_account").asText();
        assertThat(release).isEqualTo("${{ vars.GCP_RELEASE_SERVICE_ACCOUNT }}");
        assertThat(deploy).isEqualTo("${{ vars.GCP_DEPLOY_SERVICE_ACCOUNT }}");
        String helm = runs(wf, "deploy").filter(run -> run.contains("helm upgrade --install")).findFirst().orElseThrow();
        for (String service : List.of("metrics-api", "ingest-service", "transform-service")) {
            assertThat(helm).contains("image.digests." + service + "=");
            assertThat(helm).contains("serviceAccount.gcpServiceAccounts." + service + "=");
        }
        assertThat(runs(wf, "deploy")).anyMatch(run -> run.contains("gcloud artifacts docker images describe")
                && run.contains("sha256:"));
    }

    @Test
    void everyWorkflowPinsItsActionsAndLimitsItsPermissions() throws IOException {
        for (String file : List.of("ci.yml", "native.yml", "release.yml")) {
            JsonNode wf = workflow(file);
            assertThat(wf.path("permissions").path("contents").asText()).as(file).isEqualTo("read");
            wf.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
                if (step.has("uses")) {
                    assertThat(step.path("uses").asText()).as(file).matches("[\\w.-]+/[\\w./-]+@(v\\d+[\\w.]*|[0-9a-f]{40})");
                }
            }));
        }
    }
}
