package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** k8s/ base and overlays, built by {@link MiniKustomize}, parsed strictly and held to the policy. */
class KustomizeOverlaysTest {

    static Rendered build(String dir) {
        List<HasMetadata> resources = MiniKustomize.build(RepoLayout.K8S.resolve(dir)).stream()
                .map(node -> StrictManifests.toModel(node, "k8s/" + dir))
                .toList();
        return new Rendered(resources);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/gke", "overlays/minimal"})
    void everyBuildParsesStrictlyAndMeetsThePolicy(String dir) {
        Rendered r = build(dir);
        assertThat(ManifestPolicy.violations(r.resources())).isEmpty();
        assertThat(r.names(Deployment.class)).containsExactly("ingest-service", "metrics-api", "transform-service");
        assertThat(r.names(CronJob.class)).as("DuckDB (minimal): the transform Deployment builds, no transform-daily")
                .containsExactlyElementsOf(dir.equals("overlays/minimal")
                        ? List.of("ingest-daily", "ingest-reconcile-weekly")
                        : List.of("ingest-daily", "ingest-reconcile-weekly", "transform-daily"));
        assertThat(r.resources()).filteredOn(x -> !(x instanceof Namespace))
                .filteredOn(x -> !"paceline".equals(x.getMetadata().getNamespace()))
                .extracting(x -> x.getKind() + "/" + x.getMetadata().getName())
                .as("resources outside the paceline namespace").isEmpty();
        assertThat(r.one(Namespace.class, "paceline").getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void gkeOverlayUsesGcsBigQueryWorkloadIdentityAndArtifactRegistry() {
        Rendered r = build("overlays/gke");
        assertThat(r.one(ServiceAccount.class, "paceline-ingest-service").getMetadata().getAnnotations())
                .containsEntry("iam.gke.io/gcp-service-account", "paceline-ingest@paceline-prod.iam.gserviceaccount.com");
        assertThat(r.one(ConfigMap.class, "paceline-config").getData())
                .containsEntry("PACELINE_LAKE_URI", "gs://paceline-prod-lake/lake")
                .containsEntry("PACELINE_WAREHOUSE_URI", "bigquery://paceline-prod/paceline?location=EU")
                .containsEntry("PACELINE_INGEST_SCHEDULE", "off");
        for (PodSpec pod : podSpecs(r)) {
            assertThat(pod.getContainers().get(0).getImage())
                    .matches("europe-west1-docker\\.pkg\\.dev/paceline-prod/paceline/(metrics-api|ingest-service|transform-service):0\\.1\\.0");
        }
        assertThat(r.one(HorizontalPodAutoscaler.class, "metrics-api").getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(r.one(PodDisruptionBudget.class, "metrics-api").getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        Ingress ingress = r.one(Ingress.class, "metrics-api");
        assertThat(ingress.getSpec().getRules()).flatExtracting(rule -> rule.getHttp().getPaths())
                .extracting(p -> p.getBackend().getService().getName()).containsOnly("metrics-api");
        assertThat(r.all(PersistentVolumeClaim.class)).isEmpty();
    }

    @Test
    void minimalOverlayRunsOnOneVolumeWithOneApiReplica() {
        Rendered r = build("overlays/minimal");
        assertThat(r.one(ConfigMap.class, "paceline-config").getData())
                .containsEntry("PACELINE_LAKE_URI", "file:///data/lake")
                .containsEntry("PACELINE_WAREHOUSE_URI", "duckdb:/data/warehouse.duckdb")
                .containsEntry("PACELINE_WAREHOUSE_DUCKDB_MEMORY_LIMIT", "1GB");
        // DuckDB's 1GB plus the JVM: the patch raised the memory limit and kept the base's CPU limit.
        ResourceRequirements transform = r.one(Deployment.class, "transform-service").getSpec()
                .getTemplate().getSpec().getContainers().get(0).getResources();
        assertThat(transform.getLimits().get("memory").toString()).isEqualTo("2Gi");
        assertThat(transform.getLimits()).containsKey("cpu");
        assertThat(r.one(PersistentVolumeClaim.class, "paceline-data").getSpec().getAccessModes())
                .containsExactly("ReadWriteOnce");
        assertThat(r.one(Deployment.class, "metrics-api").getSpec().getReplicas()).isEqualTo(1);
        assertThat(r.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(r.all(PodDisruptionBudget.class)).isEmpty();
        for (PodSpec pod : podSpecs(r)) {
            // the patch added /data beside the base's /tmp instead of replacing the list (kustomize puts it first)
            assertThat(pod.getContainers().get(0).getVolumeMounts()).extracting(m -> m.getMountPath())
                    .containsExactly("/data", "/tmp");
            assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("data", "tmp");
            // and kept the rest of the container
            assertThat(pod.getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(pod.getContainers().get(0).getImage()).startsWith("paceline/").endsWith(":0.1.0");
        }
    }

    @Test
    void baseCronJobsAndDeploymentsCarryTheRuntimeContract() {
        Rendered r = build("base");
        CronJob reconcile = r.one(CronJob.class, "ingest-reconcile-weekly");
        var env = reconcile.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("PACELINE_INGEST_RECONCILE");
            assertThat(e.getValue()).isEqualTo("true");
        });
        for (CronJob job : r.all(CronJob.class)) {
            assertThat(job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("PACELINE_MODE=job"));
        }
        Map<String, Integer> ports = new TreeMap<>();
        for (Deployment d : r.all(Deployment.class)) {
            var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            ports.put(d.getMetadata().getName(), c.getPorts().get(0).getContainerPort());
            assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        }
        assertThat(ports).containsExactlyEntriesOf(new TreeMap<>(
                Map.of("ingest-service", 8081, "metrics-api", 8080, "transform-service", 8082)));
    }

    /**
     * Where kubectl (with its built-in kustomize) is installed, the offline resolver must produce exactly what
     * kubectl would apply. Skipped, not passed, on machines without kubectl.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/gke", "overlays/minimal"})
    void resolverAgreesWithKubectlKustomize(String dir) throws IOException, InterruptedException {
        Optional<Path> kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, "kubectl")).filter(Files::isExecutable).findFirst();
        assumeThat(kubectl).as("kubectl on PATH").isPresent();
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", RepoLayout.K8S.resolve(dir).toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();

        Map<String, JsonNode> expected = byId(StrictManifests.documents(out, "kubectl kustomize " + dir));
        Map<String, JsonNode> actual = byId(List.copyOf(MiniKustomize.build(RepoLayout.K8S.resolve(dir))));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String id : expected.keySet()) {
            assertThat(actual.get(id)).as(id).isEqualTo(expected.get(id));
        }
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> docs) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode doc : docs) {
            out.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
        }
        return out;
    }

    private static List<PodSpec> podSpecs(Rendered r) {
        return Stream.concat(
                r.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
                r.all(CronJob.class).stream().map(j -> j.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()))
                .toList();
    }

}
