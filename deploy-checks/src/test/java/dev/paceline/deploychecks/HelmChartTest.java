package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Helm chart, linted and rendered in-process by helm-java, for the default and the production values. */
class HelmChartTest {

    private static final String RELEASE = "paceline";
    static final Path PRODUCTION = RepoLayout.CHART.resolve("values-production.yaml");

    static Rendered render(UnaryOperator<TemplateCommand> options) {
        TemplateCommand command = new Helm(RepoLayout.CHART).template()
                .withName(RELEASE).withNamespace("paceline").withKubeVersion("1.30.0");
        String yaml = options.apply(command).call();
        return new Rendered(StrictManifests.parse(yaml, "helm template"));
    }

    static Rendered renderDefault() {
        return render(c -> c);
    }

    static Rendered renderProduction() {
        return render(c -> c.withValuesFile(PRODUCTION));
    }

    @Test
    void lintPassesWithDefaultValues() {
        LintResult result = new Helm(RepoLayout.CHART).lint().strict().call();
        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    }

    /** helm lint takes no values file, so the production values are merged into a staged copy of the chart. */
    @Test
    void lintPassesWithProductionValues(@TempDir Path tmp) throws IOException {
        Path staged = tmp.resolve("paceline");
        copyTree(RepoLayout.CHART, staged);
        ObjectNode merged = (ObjectNode) StrictManifests.YAML.readTree(RepoLayout.CHART.resolve("values.yaml").toFile());
        JsonNode production = StrictManifests.YAML.readTree(PRODUCTION.toFile());
        deepMerge(merged, production);
        StrictManifests.YAML.writeValue(staged.resolve("values.yaml").toFile(), merged);

        LintResult result = new Helm(staged).lint().strict().call();
        assertThat(result.isFailed()).as("helm lint --strict (production): %s", result.getMessages()).isFalse();
        assertThat(merged.at("/lake/uri").asText()).startsWith("gs://");
    }

    @Test
    void bothRendersMeetThePolicy() {
        assertThat(ManifestPolicy.violations(renderDefault().resources())).isEmpty();
        assertThat(ManifestPolicy.violations(renderProduction().resources())).isEmpty();
    }

    /** Helm allows release names of up to 53 characters; every name the chart derives must still be valid. */
    @Test
    void longestReleaseNameStillRendersValidNames() {
        String release = "a-very-long-release-name-for-paceline-production-xyz";
        assertThat(release).hasSize(52);
        String yaml = new Helm(RepoLayout.CHART).template().withName(release).withKubeVersion("1.30.0")
                .withValuesFile(PRODUCTION).call();
        Rendered r = new Rendered(StrictManifests.parse(yaml, "helm template " + release));
        assertThat(ManifestPolicy.violations(r.resources())).isEmpty();
        assertThat(References.dangling(r.resources())).isEmpty();
        assertThat(r.names(CronJob.class)).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void defaultValuesRunOnOneVolumeWithoutCloud() {
        Rendered r = renderDefault();
        assertThat(r.names(Deployment.class)).containsExactly(
                "paceline-ingest-service", "paceline-metrics-api", "paceline-transform-service");
        assertThat(r.names(Service.class)).containsExactly(
                "paceline-ingest-service", "paceline-metrics-api", "paceline-metrics-api-management",
                "paceline-transform-service");
        assertThat(r.one(ConfigMap.class, "paceline-config").getData())
                .containsEntry("PACELINE_LAKE_URI", "file:///data/lake")
                .containsEntry("PACELINE_WAREHOUSE_URI", "duckdb:/data/warehouse.duckdb")
                .containsEntry("PACELINE_WAREHOUSE_DUCKDB_MEMORY_LIMIT", "1GB")
                .containsEntry("PACELINE_INGEST_SCHEDULE", "off");
        // DuckDB's 1GB plus the JVM fit the transform's limit.
        assertThat(r.one(Deployment.class, "paceline-transform-service").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getResources().getLimits().get("memory").toString()).isEqualTo("2Gi");
        PersistentVolumeClaim pvc = r.one(PersistentVolumeClaim.class, "paceline-data");
        assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        for (Deployment d : r.all(Deployment.class)) {
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
                    .extracting(m -> m.getMountPath()).containsExactlyInAnyOrder("/tmp", "/data");
            assertThat(d.getSpec().getTemplate().getSpec().getVolumes())
                    .filteredOn(v -> v.getPersistentVolumeClaim() != null)
                    .extracting(v -> v.getPersistentVolumeClaim().getClaimName()).containsExactly("paceline-data");
        }
        assertThat(r.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(r.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(r.all(Ingress.class)).isEmpty();
        assertThat(r.names(ServiceAccount.class)).containsExactly(
                "paceline-ingest-service", "paceline-metrics-api", "paceline-transform-service");
        assertThat(r.all(ServiceAccount.class)).allSatisfy(sa -> assertThat(sa.getMetadata().getAnnotations()).isNullOrEmpty());
        assertThat(image(r.one(Deployment.class, "paceline-metrics-api"))).isEqualTo("paceline/metrics-api:0.1.0");
    }

    @Test
    void productionValuesTargetGkeWithWorkloadIdentity() {
        Rendered r = renderProduction();
        assertThat(r.one(ServiceAccount.class, "paceline-metrics-api").getMetadata().getAnnotations())
                .containsEntry("iam.gke.io/gcp-service-account", "paceline-api@paceline-prod.iam.gserviceaccount.com");
        assertThat(r.one(ConfigMap.class, "paceline-config").getData())
                .containsEntry("PACELINE_LAKE_URI", "gs://paceline-prod-lake/lake")
                .containsEntry("PACELINE_WAREHOUSE_URI", "bigquery://paceline-prod/paceline?location=EU")
                .doesNotContainKey("PACELINE_WAREHOUSE_DUCKDB_MEMORY_LIMIT");
        assertThat(r.one(Deployment.class, "paceline-transform-service").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getResources().getLimits().get("memory").toString()).isEqualTo("1536Mi");
        assertThat(r.all(PersistentVolumeClaim.class)).isEmpty();
        for (Deployment d : r.all(Deployment.class)) {
            assertThat(image(d)).startsWith("europe-west1-docker.pkg.dev/paceline-prod/paceline/").endsWith(":0.1.0");
            assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName())
                    .isEqualTo(d.getMetadata().getName());
        }
        HorizontalPodAutoscaler hpa = r.one(HorizontalPodAutoscaler.class, "paceline-metrics-api");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("paceline-metrics-api");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        // The HPA owns the replica count: the Deployment must not fight it on every upgrade.
        assertThat(r.one(Deployment.class, "paceline-metrics-api").getSpec().getReplicas()).isNull();
        assertThat(r.one(PodDisruptionBudget.class, "paceline-metrics-api").getSpec().getMinAvailable().getIntVal())
                .isEqualTo(1);

        Ingress ingress = r.one(Ingress.class, "paceline");
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
        assertThat(paths).extracting(p -> p.getBackend().getService().getName())
                .as("only the API is exposed by default").containsOnly("paceline-metrics-api");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("kubernetes.io/ingress.class", "gce");
        assertThat(r.names(NetworkPolicy.class)).doesNotContain("paceline-ingest-allow-webhooks");
    }

    @Test
    void cronJobsRunEachServiceInJobMode() {
        Rendered r = renderProduction();
        Map<String, CronJob> jobs = r.all(CronJob.class).stream()
                .collect(Collectors.toMap(j -> j.getMetadata().getName(), j -> j));
        assertThat(jobs.keySet()).containsExactlyInAnyOrder(
                "paceline-ingest-daily", "paceline-transform-daily", "paceline-ingest-reconcile-weekly");
        assertThat(jobs.get("paceline-ingest-daily").getSpec().getSchedule()).isEqualTo("0 3 * * *");
        assertThat(jobs.get("paceline-transform-daily").getSpec().getSchedule()).isEqualTo("0 5 * * *");
        assertThat(jobs.get("paceline-ingest-reconcile-weekly").getSpec().getSchedule()).isEqualTo("30 0 * * 0");

        // transform starts only after the ingest run's deadline has passed
        CronJob ingest = jobs.get("paceline-ingest-daily");
        long ingestEndsBy = 3 * 3600 + ingest.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds();
        assertThat(ingestEndsBy).isLessThanOrEqualTo(5 * 3600);

        for (CronJob job : jobs.values()) {
            Container c = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(env(c)).containsEntry("PACELINE_MODE", "job");
            assertThat(job.getSpec().getTimeZone()).isEqualTo("Etc/UTC");
        }
        Container reconcile = jobs.get("paceline-ingest-reconcile-weekly")
                .getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(reconcile)).containsEntry("PACELINE_INGEST_RECONCILE", "true");
        assertThat(reconcile.getImage()).contains("/ingest-service:");
        // exit code 2 (ingest: some activities failed; transform: another build holds the lease) fails the Job at once
        // instead of retrying on the rate budget or against the lease
        for (String name : jobs.keySet()) {
            var rules = jobs.get(name).getSpec().getJobTemplate().getSpec().getPodFailurePolicy().getRules();
            assertThat(rules).singleElement().satisfies(rule -> {
                assertThat(rule.getAction()).isEqualTo("FailJob");
                assertThat(rule.getOnExitCodes().getValues()).containsExactly(2);
                assertThat(rule.getOnExitCodes().getContainerName()).isEqualTo(jobs.get(name).getSpec().getJobTemplate()
                        .getSpec().getTemplate().getSpec().getContainers().get(0).getName());
            });
        }
        assertThat(env(jobs.get("paceline-ingest-daily").getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
                .getContainers().get(0))).doesNotContainKey("PACELINE_INGEST_RECONCILE");
    }

    @Test
    void secretsAreReferencedByNameOnly() {
        Rendered r = renderProduction();
        Container ingest = r.one(Deployment.class, "paceline-ingest-service").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertThat(ingest.getEnv()).filteredOn(e -> e.getName().startsWith("STRAVA_CLIENT"))
                .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("paceline-strava"));
        Container api = r.one(Deployment.class, "paceline-metrics-api").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertThat(api.getEnv()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("PACELINE_API_KEYS_HASHED");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("paceline-api-keys");
        });
        Rendered renamed = render(c -> c.set("existingSecrets.apiKeys", "prod-api-keys"));
        assertThat(renamed.one(Deployment.class, "paceline-metrics-api").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().get(0).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("prod-api-keys");
    }

    @Test
    void theImportJobIsOptInAndRunsIngestInImportModeOnTheUploadedUri() {
        assertThat(renderDefault().all(Job.class)).isEmpty();
        Rendered r = render(c -> c.set("jobs.import.enabled", true)
                .set("jobs.import.uri", "gs://paceline-lake/imports/export_1/").set("jobs.import.athleteId", "1234"));
        Job job = r.all(Job.class).get(0);
        Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getName()).isEqualTo("ingest-service");
        assertThat(c.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                org.assertj.core.groups.Tuple.tuple("PACELINE_MODE", "import"),
                org.assertj.core.groups.Tuple.tuple("PACELINE_IMPORT_URI", "gs://paceline-lake/imports/export_1/"),
                org.assertj.core.groups.Tuple.tuple("PACELINE_IMPORT_ATHLETE", "1234"));
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        // the import writes raw/ as ingest does: it runs as ingest's service account (and Google identity), no other
        assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("paceline-ingest-service");
        assertThatThrownBy(() -> render(c2 -> c2.set("jobs.import.enabled", true)))
                .hasMessageContaining("jobs.import.uri");
    }

    @Test
    void webhookIngressIsOptIn() {
        Rendered r = render(c -> c.withValuesFile(PRODUCTION).set("ingress.webhook.enabled", true));
        List<HTTPIngressPath> paths = r.one(Ingress.class, "paceline").getSpec().getRules().get(0).getHttp().getPaths();
        assertThat(paths).extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType,
                        p -> p.getBackend().getService().getName())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/webhook", "Exact", "paceline-ingest-service"),
                        org.assertj.core.groups.Tuple.tuple("/api/", "Prefix", "paceline-metrics-api"),
                        org.assertj.core.groups.Tuple.tuple("/", "Prefix", "paceline-metrics-api"));
        // the callback Strava is told about, derived from the Ingress host
        assertThat(r.one(ConfigMap.class, "paceline-config").getData())
                .containsEntry("PACELINE_WEBHOOK_CALLBACK_URL", "https://api.paceline.example.com/webhook");
        assertThat(renderProduction().one(ConfigMap.class, "paceline-config").getData())
                .doesNotContainKey("PACELINE_WEBHOOK_CALLBACK_URL");
        NetworkPolicy open = r.one(NetworkPolicy.class, "paceline-ingest-allow-webhooks");
        assertThat(open.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/name", "ingest-service");
        assertThat(ManifestPolicy.violations(r.resources())).isEmpty();
    }

    @Test
    void networkPoliciesOpenOnlyTheApiToTheOutside() {
        Rendered r = renderProduction();
        NetworkPolicy deny = r.one(NetworkPolicy.class, "paceline-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        List<NetworkPolicy> openIngress = r.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getIngress() != null)
                .filter(p -> p.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom() == null || rule.getFrom().isEmpty()))
                .toList();
        assertThat(openIngress).extracting(p -> p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .containsExactly("metrics-api");
        NetworkPolicy dns = r.one(NetworkPolicy.class, "paceline-allow-dns");
        assertThat(dns.getSpec().getEgress().get(0).getTo()).extracting(
                p -> p.getIpBlock() == null ? "kube-dns" : p.getIpBlock().getCidr())
                .as("kube-dns, Cloud DNS (metadata server), NodeLocal DNSCache")
                .containsExactly("kube-dns", "169.254.169.254/32", "169.254.20.10/32");
        NetworkPolicy egress = r.one(NetworkPolicy.class, "paceline-allow-google-and-strava");
        assertThat(egress.getSpec().getEgress().get(0).getTo().get(0).getIpBlock().getExcept())
                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
        assertThat(egress.getSpec().getEgress().get(0).getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(443));
    }

    /**
     * helm-java's template, like {@code helm install --dry-run}, leaves hooks out of the manifest, so the test hook is
     * rendered from a staged copy of the chart whose hook annotations are removed; the annotation itself is checked on
     * the template source.
     */
    @Test
    void helmTestPodCallsApiReadiness(@TempDir Path tmp) throws IOException {
        Path source = RepoLayout.CHART.resolve("templates/tests/api-readiness.yaml");
        String template = Files.readString(source);
        assertThat(template).contains("helm.sh/hook: test");
        assertThat(renderDefault().all(Pod.class)).as("hooks are not part of the release manifest").isEmpty();

        Path staged = tmp.resolve("paceline");
        copyTree(RepoLayout.CHART, staged);
        Files.writeString(staged.resolve("templates/tests/api-readiness.yaml"),
                template.replaceAll("(?m)^\\s*helm\\.sh/hook.*$\\n", ""));
        String yaml = new Helm(staged).template().withName(RELEASE).withKubeVersion("1.30.0").call();
        Rendered r = new Rendered(StrictManifests.parse(yaml, "helm template (staged test hook)"));

        Pod test = r.one(Pod.class, "paceline-api-readiness-test");
        assertThat(test.getSpec().getContainers().get(0).getArgs())
                .contains("--fail", "http://paceline-metrics-api-management:9080/q/health/ready");
        assertThat(ManifestPolicy.violations(List.of(test))).isEmpty();
        // the default-deny policy covers the test pod too; its own policy lets it reach the API and nothing else
        NetworkPolicy egress = r.one(NetworkPolicy.class, "paceline-test-egress-to-api");
        assertThat(egress.getSpec().getPodSelector().getMatchLabels())
                .containsAllEntriesOf(test.getMetadata().getLabels().entrySet().stream()
                        .filter(e -> e.getKey().equals("app.kubernetes.io/name"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(egress.getSpec().getEgress().get(0).getTo().get(0).getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/name", "metrics-api");
        assertThat(egress.getSpec().getEgress().get(0).getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9080));
    }

    @Test
    void dashboardsBecomeSidecarConfigMaps() throws IOException {
        List<ConfigMap> dashboards = renderDefault().all(ConfigMap.class).stream()
                .filter(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))).toList();
        List<Path> files;
        try (Stream<Path> list = Files.list(RepoLayout.CHART.resolve("dashboards"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(dashboards).hasSameSizeAs(files);
        for (Path file : files) {
            String name = file.getFileName().toString();
            ConfigMap cm = dashboards.stream().filter(c -> c.getData().containsKey(name)).findFirst().orElseThrow();
            assertThat(StrictManifests.YAML.readTree(cm.getData().get(name)))
                    .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()));
        }
    }

    @Test
    void impossibleValuesFailWithTheCauseAndTheFix() {
        assertThatThrownBy(() -> render(c -> c.set("persistence.enabled", false)))
                .hasMessageContaining("persistence.enabled=false")
                .hasMessageContaining("values-production.yaml");
        assertThatThrownBy(() -> render(c -> c.set("image.tag", "latest")))
                .hasMessageContaining("image.tag=latest is refused");
        assertThatThrownBy(() -> render(c -> c.withValuesFile(PRODUCTION).set("serviceAccount.gcpServiceAccounts.metrics-api", "")))
                .hasMessageContaining("serviceAccount.gcpServiceAccounts.metrics-api is empty");
        assertThatThrownBy(() -> render(c -> c.set("lake.uri", "s3://bucket/lake")))
                .hasMessageContaining("use gs://BUCKET/PREFIX or file:///ABSOLUTE/PATH");
        assertThatThrownBy(() -> render(c -> c.set("autoscaling.enabled", true)))
                .hasMessageContaining("ReadWriteOnce");
        assertThatThrownBy(() -> render(c -> c.set("ingress.webhook.enabled", true)))
                .hasMessageContaining("needs ingress.enabled=true");
    }

    @Test
    void valuesSchemaRejectsTyposAndWrongTypes() {
        assertThatThrownBy(() -> render(c -> c.set("image.tagg", "0.2.0")))
                .hasMessageContaining("/image").hasMessageContaining("tagg");
        assertThatThrownBy(() -> render(c -> c.set("services.metrics-api.port", "http")))
                .hasMessageContaining("/services/metrics-api/port");
        assertThatThrownBy(() -> render(c -> c.set("jobs.ingest.schedule", "daily")))
                .hasMessageContaining("/jobs/ingest/schedule");
        assertThatThrownBy(() -> render(c -> c.withValuesFile(PRODUCTION)
                .set("serviceAccount.gcpServiceAccounts.metrics-api", "paceline-key.json")))
                .hasMessageContaining("/serviceAccount/gcpServiceAccounts/metrics-api");
    }

    @Test
    void credentialsPassedAsExtraConfigBreakThePolicy() {
        Rendered r = render(c -> c.set("extraConfig.STRAVA_CLIENT_SECRET", "s3cr3t"));
        assertThat(ManifestPolicy.violations(r.resources()))
                .containsExactly("ConfigMap/paceline-config: key STRAVA_CLIENT_SECRET looks like a credential; move it to a Secret");
        assertThat(r.one(ConfigMap.class, "paceline-config").getData()).containsEntry("STRAVA_CLIENT_SECRET", "s3cr3t");
    }

    private static String image(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static Map<String, String> env(Container c) {
        return c.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static void deepMerge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(e -> {
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode obj && e.getValue().isObject()) {
                deepMerge(obj, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
