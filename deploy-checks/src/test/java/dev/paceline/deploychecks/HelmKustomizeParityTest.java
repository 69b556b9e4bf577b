package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart (production values) and the kustomize gke overlay are two ways to deploy the same thing: their
 * workloads must agree on everything that matters at run time, so a change to one that forgets the other fails here.
 */
class HelmKustomizeParityTest {

    private static final String HELM_PREFIX = "paceline-";

    /** What must be the same, keyed by workload name without the release prefix. */
    private static Map<String, String> workloads(Rendered r, boolean helm) {
        Map<String, String> out = new TreeMap<>();
        for (Deployment d : r.all(Deployment.class)) {
            String name = strip(d.getMetadata().getName(), helm);
            out.put("Deployment/" + name, pod(d.getSpec().getTemplate().getSpec()) + " strategy="
                    + Optional.ofNullable(d.getSpec().getStrategy()).map(s -> s.getType()).orElse("RollingUpdate"));
        }
        for (CronJob c : r.all(CronJob.class)) {
            String name = strip(c.getMetadata().getName(), helm);
            JobSpec job = c.getSpec().getJobTemplate().getSpec();
            out.put("CronJob/" + name, "schedule=" + c.getSpec().getSchedule() + " tz=" + c.getSpec().getTimeZone()
                    + " concurrency=" + c.getSpec().getConcurrencyPolicy()
                    + " start=" + c.getSpec().getStartingDeadlineSeconds()
                    + " history=" + c.getSpec().getSuccessfulJobsHistoryLimit() + "/" + c.getSpec().getFailedJobsHistoryLimit()
                    + " deadline=" + job.getActiveDeadlineSeconds() + " backoff=" + job.getBackoffLimit()
                    + " failurePolicy=" + job.getPodFailurePolicy()
                    + " " + pod(job.getTemplate().getSpec()));
        }
        return out;
    }

    private static String pod(PodSpec pod) {
        Container c = pod.getContainers().get(0);
        String image = c.getImage().substring(c.getImage().lastIndexOf('/') + 1);
        Map<String, String> env = Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                .collect(Collectors.toMap(EnvVar::getName, HelmKustomizeParityTest::source, (a, b) -> a, TreeMap::new));
        return "container=" + c.getName() + " image=" + image
                + " ports=" + Optional.ofNullable(c.getPorts()).orElse(List.of()).stream().map(p -> p.getName() + ":" + p.getContainerPort()).toList()
                + " env=" + env
                + " resources=" + new TreeMap<>(c.getResources().getRequests()) + new TreeMap<>(c.getResources().getLimits())
                + " probes=" + probe(c.getStartupProbe()) + probe(c.getLivenessProbe()) + probe(c.getReadinessProbe())
                + " securityContext=" + c.getSecurityContext() + " podSecurityContext=" + pod.getSecurityContext()
                + " restart=" + pod.getRestartPolicy() + " serviceAccount=" + pod.getServiceAccountName()
                + " mounts=" + c.getVolumeMounts().stream().map(m -> m.getMountPath()).sorted().toList();
    }

    private static String source(EnvVar e) {
        if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
            var ref = e.getValueFrom().getSecretKeyRef();
            return "secret:" + ref.getName() + "/" + ref.getKey() + (Boolean.TRUE.equals(ref.getOptional()) ? "?" : "");
        }
        return "value:" + e.getValue();
    }

    private static String probe(io.fabric8.kubernetes.api.model.Probe p) {
        return p == null ? "[none]" : "[" + p.getHttpGet().getPath() + " " + p.getPeriodSeconds() + "s x" + p.getFailureThreshold() + "]";
    }

    private static String strip(String name, boolean helm) {
        return helm && name.startsWith(HELM_PREFIX) ? name.substring(HELM_PREFIX.length()) : name;
    }

    @Test
    void helmProductionAndKustomizeGkeDeployTheSameWorkloads() {
        Map<String, String> helm = workloads(HelmChartTest.renderProduction(), true);
        Map<String, String> kustomize = workloads(KustomizeOverlaysTest.build("overlays/gke"), false);
        assertThat(helm.keySet()).isEqualTo(kustomize.keySet());
        for (String id : helm.keySet()) {
            assertThat(helm.get(id)).as(id + " (Helm vs kustomize)").isEqualTo(kustomize.get(id));
        }
    }

    @Test
    void bothUseTheSameStorageAndIdentitySettings() {
        var helmConfig = HelmChartTest.renderProduction().one(io.fabric8.kubernetes.api.model.ConfigMap.class, "paceline-config");
        var kustomizeConfig = KustomizeOverlaysTest.build("overlays/gke").one(io.fabric8.kubernetes.api.model.ConfigMap.class, "paceline-config");
        assertThat(helmConfig.getData()).containsAllEntriesOf(Map.of(
                "PACELINE_LAKE_URI", kustomizeConfig.getData().get("PACELINE_LAKE_URI"),
                "PACELINE_WAREHOUSE_URI", kustomizeConfig.getData().get("PACELINE_WAREHOUSE_URI"),
                "PACELINE_INGEST_SCHEDULE", kustomizeConfig.getData().get("PACELINE_INGEST_SCHEDULE")));
        Map<String, String> helmIdentities = new TreeMap<>();
        HelmChartTest.renderProduction().all(io.fabric8.kubernetes.api.model.ServiceAccount.class).forEach(sa ->
                helmIdentities.put(sa.getMetadata().getName(), sa.getMetadata().getAnnotations().get("iam.gke.io/gcp-service-account")));
        Map<String, String> kustomizeIdentities = new TreeMap<>();
        KustomizeOverlaysTest.build("overlays/gke").all(io.fabric8.kubernetes.api.model.ServiceAccount.class).forEach(sa ->
                kustomizeIdentities.put(sa.getMetadata().getName(), sa.getMetadata().getAnnotations().get("iam.gke.io/gcp-service-account")));
        assertThat(helmIdentities).isEqualTo(kustomizeIdentities).hasSize(3);
    }
}
