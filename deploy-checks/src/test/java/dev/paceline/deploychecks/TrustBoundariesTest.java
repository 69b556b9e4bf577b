package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * What the chart and the overlays expose and to whom: only the API's application paths (and, opted in, /webhook)
 * are public; health, metrics and OpenAPI stay on management ports that only probes and the monitoring namespace
 * reach; one identity per service; DuckDB is opened by one process; the API mounts nothing writable but /tmp; images
 * are deployed by digest.
 */
class TrustBoundariesTest {

    private static final Map<String, Integer> MANAGEMENT = Map.of("metrics-api", 9080, "ingest-service", 9081,
            "transform-service", 9082);
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    private static List<Rendered> everyRender() {
        return List.of(HelmChartTest.renderDefault(), HelmChartTest.renderProduction(),
                KustomizeOverlaysTest.build("overlays/gke"), KustomizeOverlaysTest.build("overlays/minimal"));
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String service(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name");
    }

    @Test
    void theIngressRoutesOnlyTheApiPathsAndOptedInTheWebhook() {
        List<HTTPIngressPath> helm = HelmChartTest.renderProduction().one(Ingress.class, "paceline").getSpec().getRules()
                .get(0).getHttp().getPaths();
        assertThat(helm).extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType,
                p -> p.getBackend().getService().getName())
                .containsExactly(Tuple.tuple("/api/", "Prefix", "paceline-metrics-api"),
                        Tuple.tuple("/", "Prefix", "paceline-metrics-api"));
        List<HTTPIngressPath> kustomize = KustomizeOverlaysTest.build("overlays/gke").one(Ingress.class, "metrics-api")
                .getSpec().getRules().get(0).getHttp().getPaths();
        assertThat(kustomize).extracting(HTTPIngressPath::getPath, p -> p.getBackend().getService().getName())
                .containsExactly(Tuple.tuple("/api/", "metrics-api"), Tuple.tuple("/", "metrics-api"));
        List<HTTPIngressPath> withWebhook = HelmChartTest.render(c -> c.withValuesFile(HelmChartTest.PRODUCTION)
                .set("ingress.webhook.enabled", true)).one(Ingress.class, "paceline").getSpec().getRules().get(0)
                .getHttp().getPaths();
        assertThat(withWebhook).extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType)
                .containsExactly(Tuple.tuple("/webhook", "Exact"), Tuple.tuple("/api/", "Prefix"), Tuple.tuple("/", "Prefix"));
        for (Rendered r : everyRender()) {
            for (Ingress ingress : r.all(Ingress.class)) {
                for (HTTPIngressPath path : ingress.getSpec().getRules().get(0).getHttp().getPaths()) {
                    assertThat(path.getBackend().getService().getPort().getName()).as("Ingress backend port").isEqualTo("http");
                    assertThat(path.getPath()).doesNotStartWith("/q");
                }
            }
        }
    }

    @Test
    void probesAndScrapesUseTheManagementPortWhichNoRoutedServiceExposes() {
        for (Rendered r : everyRender()) {
            for (Deployment d : r.all(Deployment.class)) {
                Container c = container(d);
                int management = MANAGEMENT.get(service(d));
                assertThat(c.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                        .contains(Tuple.tuple("management", management));
                assertThat(Stream.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()))
                        .allSatisfy(p -> assertThat(p.getHttpGet().getPort().getStrVal()).isEqualTo("management"));
                assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                        .containsEntry("prometheus.io/port", Integer.toString(management));
            }
            Set<String> routed = new java.util.HashSet<>();
            r.all(Ingress.class).forEach(i -> i.getSpec().getRules().get(0).getHttp().getPaths()
                    .forEach(p -> routed.add(p.getBackend().getService().getName())));
            for (Service s : r.all(Service.class)) {
                if (routed.contains(s.getMetadata().getName())) {
                    assertThat(s.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal())
                            .as("Service %s routed by the Ingress", s.getMetadata().getName()).containsExactly("http");
                }
                assertThat(s.getSpec().getType()).isEqualTo("ClusterIP");
            }
            NetworkPolicy scrape = r.all(NetworkPolicy.class).stream()
                    .filter(p -> p.getMetadata().getName().endsWith("allow-metrics-scrape")).findFirst().orElseThrow();
            assertThat(scrape.getSpec().getIngress().get(0).getPorts()).extracting(p -> p.getPort().getIntVal())
                    .containsExactlyInAnyOrder(9080, 9081, 9082);
            // whatever admits any source admits it to an application port only
            for (NetworkPolicy p : r.all(NetworkPolicy.class)) {
                if (p.getSpec().getIngress() == null) {
                    continue;
                }
                p.getSpec().getIngress().stream().filter(rule -> rule.getFrom() == null || rule.getFrom().isEmpty())
                        .flatMap(rule -> rule.getPorts().stream()).map(NetworkPolicyPort::getPort)
                        .forEach(port -> assertThat(MANAGEMENT.values()).as(p.getMetadata().getName())
                                .doesNotContain(port.getIntVal()));
            }
        }
    }

    @Test
    void eachServiceHasItsOwnServiceAccountAndGoogleIdentity() {
        for (Rendered r : List.of(HelmChartTest.renderProduction(), KustomizeOverlaysTest.build("overlays/gke"))) {
            Map<String, String> identities = new HashMap<>();
            for (ServiceAccount sa : r.all(ServiceAccount.class)) {
                identities.put(sa.getMetadata().getName(), sa.getMetadata().getAnnotations()
                        .get("iam.gke.io/gcp-service-account"));
            }
            assertThat(identities).containsOnlyKeys("paceline-metrics-api", "paceline-ingest-service",
                    "paceline-transform-service");
            assertThat(Set.copyOf(identities.values())).as("distinct Google identities").hasSize(3).doesNotContainNull();
            for (Deployment d : r.all(Deployment.class)) {
                assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName())
                        .isEqualTo("paceline-" + service(d));
            }
            for (CronJob j : r.all(CronJob.class)) {
                PodSpec pod = j.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
                assertThat(pod.getServiceAccountName()).isEqualTo("paceline-" + pod.getContainers().get(0).getName());
            }
        }
        assertThatThrownBy(() -> HelmChartTest.render(c -> c.withValuesFile(HelmChartTest.PRODUCTION)
                .set("serviceAccount.gcpServiceAccounts.ingest-service", "paceline-api@paceline-prod.iam.gserviceaccount.com")))
                .hasMessageContaining("three different Google service accounts");
        assertThatThrownBy(() -> HelmChartTest.render(c -> c.withValuesFile(HelmChartTest.PRODUCTION)
                .set("serviceAccount.gcpServiceAccounts.transform-service", "")))
                .hasMessageContaining("serviceAccount.gcpServiceAccounts.transform-service is empty");
    }

    @Test
    void httpsEgressOnlyForTheWorkloadsThatCallOutside() {
        NetworkPolicy local = HelmChartTest.renderDefault().one(NetworkPolicy.class, "paceline-allow-google-and-strava");
        assertThat(local.getSpec().getPodSelector().getMatchExpressions().get(0).getValues())
                .as("folder lake and DuckDB: only ingest calls out (Strava)")
                .containsExactlyInAnyOrder("ingest-service", "ingest-daily", "ingest-reconcile-weekly");
        assertThat(local.getSpec().getEgress()).as("no metadata server without Workload Identity").hasSize(1);
        NetworkPolicy cloud = HelmChartTest.renderProduction().one(NetworkPolicy.class, "paceline-allow-google-and-strava");
        assertThat(cloud.getSpec().getPodSelector().getMatchExpressions().get(0).getValues())
                .contains("metrics-api", "transform-service", "transform-daily", "ingest-service");
        assertThat(cloud.getSpec().getEgress()).hasSize(2);
    }

    @Test
    void withDuckDbTheTransformDeploymentAndCronJobNeverBothRun() {
        Map<String, Rendered> duckDb = Map.of(
                "helm default", HelmChartTest.renderDefault(),
                "helm replicas 0", HelmChartTest.render(c -> c.set("services.transform-service.replicas", 0)),
                "kustomize minimal", KustomizeOverlaysTest.build("overlays/minimal"));
        List<String> seen = new ArrayList<>();
        duckDb.forEach((name, r) -> {
            boolean deployment = r.all(Deployment.class).stream().anyMatch(d -> "transform-service".equals(service(d)));
            boolean cronJob = r.all(CronJob.class).stream()
                    .anyMatch(j -> j.getMetadata().getName().endsWith("transform-daily"));
            assertThat(deployment ^ cronJob).as(name + ": exactly one of the transform Deployment and CronJob").isTrue();
            seen.add(name + ":" + (deployment ? "deployment" : "cronjob"));
        });
        assertThat(seen).containsExactlyInAnyOrder("helm default:deployment", "helm replicas 0:cronjob",
                "kustomize minimal:deployment");
        // BigQuery: both run; the lake's run lease keeps their builds apart
        Rendered production = HelmChartTest.renderProduction();
        assertThat(production.names(CronJob.class)).contains("paceline-transform-daily");
        assertThat(production.names(Deployment.class)).contains("paceline-transform-service");
        assertThatThrownBy(() -> HelmChartTest.render(c -> c.set("services.transform-service.replicas", 2)))
                .hasMessageContaining("one writing process per file");
    }

    /** The readiness probe is an HTTP GET of the management port; the service's check skips DuckDB (StorageHealthCheck). */
    @Test
    void theTransformReadinessProbeIsAnHttpCheckNotACommandOnTheFile() {
        for (Rendered r : List.of(HelmChartTest.renderDefault(), KustomizeOverlaysTest.build("overlays/minimal"))) {
            Deployment transform = r.all(Deployment.class).stream().filter(d -> "transform-service".equals(service(d)))
                    .findFirst().orElseThrow();
            var probe = container(transform).getReadinessProbe();
            assertThat(probe.getExec()).isNull();
            assertThat(probe.getHttpGet().getPath()).isEqualTo("/q/health/ready");
        }
    }

    @Test
    void theApiPodMountsNothingWritableButTmp() {
        for (Rendered r : List.of(HelmChartTest.renderDefault(), KustomizeOverlaysTest.build("overlays/minimal"))) {
            Deployment api = r.all(Deployment.class).stream().filter(d -> "metrics-api".equals(service(d))).findFirst()
                    .orElseThrow();
            assertThat(container(api).getVolumeMounts()).filteredOn(m -> !"/tmp".equals(m.getMountPath()))
                    .isNotEmpty().allSatisfy(m -> assertThat(m.getReadOnly()).as(m.getMountPath()).isTrue());
            assertThat(container(api).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(api.getSpec().getTemplate().getSpec().getVolumes())
                    .filteredOn(v -> v.getPersistentVolumeClaim() != null)
                    .allSatisfy(v -> assertThat(v.getPersistentVolumeClaim().getReadOnly()).isTrue());
            // the writers keep the volume writable
            r.all(Deployment.class).stream().filter(d -> !"metrics-api".equals(service(d)))
                    .flatMap(d -> container(d).getVolumeMounts().stream()).map(VolumeMount::getReadOnly)
                    .forEach(ro -> assertThat(ro).isNotEqualTo(Boolean.TRUE));
        }
    }

    @Test
    void imagesAreDeployedByTheirDigestsWhenGiven() {
        Rendered r = HelmChartTest.render(c -> c.withValuesFile(HelmChartTest.PRODUCTION)
                .set("image.digests.metrics-api", DIGEST).set("image.digests.ingest-service", DIGEST)
                .set("image.digests.transform-service", DIGEST));
        for (Deployment d : r.all(Deployment.class)) {
            assertThat(container(d).getImage()).isEqualTo("europe-west1-docker.pkg.dev/paceline-prod/paceline/"
                    + service(d) + "@" + DIGEST);
        }
        for (CronJob j : r.all(CronJob.class)) {
            assertThat(j.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .endsWith("@" + DIGEST);
        }
        assertThatThrownBy(() -> HelmChartTest.render(c -> c.set("image.digests.metrics-api", "sha256:short")))
                .hasMessageContaining("/image/digests/metrics-api");
    }

    @Test
    void dependabotWatchesMavenAndActionsAndTheDockerContextLeavesLocalStateOut() throws IOException {
        var dependabot = StrictManifests.YAML.readTree(RepoLayout.ROOT.resolve(".github/dependabot.yml").toFile());
        List<String> ecosystems = new ArrayList<>();
        dependabot.path("updates").forEach(u -> ecosystems.add(u.path("package-ecosystem").asText()));
        assertThat(ecosystems).containsExactlyInAnyOrder("maven", "github-actions");
        List<String> ignored = Files.readAllLines(RepoLayout.ROOT.resolve(".dockerignore"));
        assertThat(ignored).contains(".git", "**/target", ".paceline");
    }
}
