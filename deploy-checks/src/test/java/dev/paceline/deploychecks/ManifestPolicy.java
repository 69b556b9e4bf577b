package dev.paceline.deploychecks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules every Paceline manifest obeys, whichever way it is rendered (Helm default, Helm production, kustomize
 * overlays). {@link #violations} lists each broken rule with the resource and container it concerns; an empty list
 * means compliant.
 */
final class ManifestPolicy {

    /** Names of environment variables and ConfigMap keys that hold credentials. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|PASSWORD|TOKEN|API_KEYS?(_HASHED)?|_KEY|CREDENTIALS?)$");

    private ManifestPolicy() {
    }

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    static List<String> violations(List<HasMetadata> resources) {
        List<String> out = new ArrayList<>();
        for (HasMetadata resource : resources) {
            String id = resource.getKind() + "/" + resource.getMetadata().getName();
            checkNames(id, resource, out);
            if (resource instanceof Deployment deployment) {
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                checkPod(id, pod, out);
                for (Container c : pod.getContainers()) {
                    checkProbes(id, c, out);
                }
            } else if (resource instanceof CronJob cronJob) {
                checkCronJob(id, cronJob, out);
                checkPod(id, cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec(), out);
            } else if (resource instanceof Job job) {
                checkJobSpec(id, job.getSpec(), out);
                checkPod(id, job.getSpec().getTemplate().getSpec(), out);
            } else if (resource instanceof Pod pod) {
                checkPod(id, pod.getSpec(), out);
            } else if (resource instanceof Secret) {
                out.add(id + ": Secret objects are not shipped; create the Secret out of band and reference it by name");
            } else if (resource instanceof ConfigMap configMap) {
                Optional.ofNullable(configMap.getData()).orElse(Map.of()).keySet().stream()
                        .filter(key -> SECRET_NAME.matcher(key).matches())
                        .forEach(key -> out.add(id + ": key " + key + " looks like a credential; move it to a Secret"));
            }
        }
        return out;
    }

    /** What the API server would refuse: names and label values too long or malformed. */
    private static void checkNames(String id, HasMetadata resource, List<String> out) {
        String name = resource.getMetadata().getName();
        if (name == null || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            out.add(id + ": name must be a DNS-1123 subdomain");
        } else if (resource instanceof io.fabric8.kubernetes.api.model.Service && (name.length() > 63
                || !DNS_LABEL.matcher(name).matches())) {
            out.add(id + ": a Service name must be a DNS-1035 label of at most 63 characters");
        } else if (resource instanceof CronJob && name.length() > 52) {
            out.add(id + ": a CronJob name must be at most 52 characters (its Jobs append 11)");
        }
        Optional.ofNullable(resource.getMetadata().getLabels()).orElse(Map.of()).forEach((key, value) -> {
            if (value != null && value.length() > 63) {
                out.add(id + ": label " + key + " value is longer than 63 characters");
            }
        });
    }

    private static void checkPod(String id, PodSpec pod, List<String> out) {
        PodSecurityContext podSc = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            out.add(id + ": automountServiceAccountToken must be false (no pod needs the Kubernetes API)");
        }
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            out.add(id + ": host namespaces are not allowed");
        }
        List<Container> containers = Stream.concat(pod.getContainers().stream(),
                Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream()).toList();
        for (Container c : containers) {
            String cid = id + " container " + c.getName();
            SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElseGet(SecurityContext::new);
            boolean nonRoot = Boolean.TRUE.equals(sc.getRunAsNonRoot())
                    || (sc.getRunAsNonRoot() == null && Boolean.TRUE.equals(podSc.getRunAsNonRoot()));
            if (!nonRoot) {
                out.add(cid + ": runAsNonRoot must be true");
            }
            Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : podSc.getRunAsUser();
            if (uid != null && uid == 0) {
                out.add(cid + ": runAsUser must not be 0");
            }
            if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                out.add(cid + ": readOnlyRootFilesystem must be true");
            }
            if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                out.add(cid + ": allowPrivilegeEscalation must be false");
            }
            if (Boolean.TRUE.equals(sc.getPrivileged())) {
                out.add(cid + ": privileged is not allowed");
            }
            List<String> dropped = sc.getCapabilities() == null ? List.of()
                    : Optional.ofNullable(sc.getCapabilities().getDrop()).orElse(List.of());
            if (!dropped.contains("ALL")) {
                out.add(cid + ": capabilities.drop must contain ALL");
            }
            if (sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null
                    && !sc.getCapabilities().getAdd().isEmpty()) {
                out.add(cid + ": no capability may be added, found " + sc.getCapabilities().getAdd());
            }
            SeccompProfile seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : podSc.getSeccompProfile();
            if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
                out.add(cid + ": seccompProfile.type must be RuntimeDefault");
            }
            checkResources(cid, c.getResources(), out);
            checkImage(cid, c.getImage(), out);
            for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                if (SECRET_NAME.matcher(env.getName()).matches()
                        && (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null)) {
                    out.add(cid + ": " + env.getName() + " must come from a Secret (valueFrom.secretKeyRef), not inline");
                }
            }
        }
    }

    private static void checkResources(String cid, ResourceRequirements resources, List<String> out) {
        for (String which : List.of("requests", "limits")) {
            Map<String, ?> values = resources == null ? null
                    : "requests".equals(which) ? resources.getRequests() : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                if (values == null || values.get(resource) == null) {
                    out.add(cid + ": resources." + which + "." + resource + " must be set");
                }
            }
        }
    }

    static void checkImage(String cid, String image, List<String> out) {
        if (image == null || image.isBlank()) {
            out.add(cid + ": image must be set");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon < 0) {
            out.add(cid + ": image " + image + " has no tag (that means :latest); pin a version or digest");
        } else if ("latest".equals(lastSegment.substring(colon + 1))) {
            out.add(cid + ": image " + image + " uses :latest; pin a version or digest");
        }
    }

    private static void checkProbes(String id, Container c, List<String> out) {
        String cid = id + " container " + c.getName();
        if (c.getLivenessProbe() == null) {
            out.add(cid + ": livenessProbe missing");
        }
        if (c.getReadinessProbe() == null) {
            out.add(cid + ": readinessProbe missing");
        }
        if (c.getStartupProbe() == null) {
            out.add(cid + ": startupProbe missing");
        }
        Stream.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())
                .filter(Objects::nonNull)
                .filter(p -> p.getHttpGet() == null || !p.getHttpGet().getPath().startsWith("/q/health/"))
                .forEach(p -> out.add(cid + ": probes must call /q/health/* over HTTP"));
        // Health lives on the management interface (quarkus.management.port), which no public Service exposes.
        Stream.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())
                .filter(Objects::nonNull)
                .filter(p -> p.getHttpGet() != null)
                .filter(p -> !"management".equals(p.getHttpGet().getPort().getStrVal()))
                .forEach(p -> out.add(cid + ": probes must call the management port (the container port named "
                        + "'management'), not " + p.getHttpGet().getPort()));
    }

    private static void checkCronJob(String id, CronJob cronJob, List<String> out) {
        var spec = cronJob.getSpec();
        if (!"Forbid".equals(spec.getConcurrencyPolicy())) {
            out.add(id + ": concurrencyPolicy must be Forbid, is " + spec.getConcurrencyPolicy());
        }
        if (spec.getStartingDeadlineSeconds() == null) {
            out.add(id + ": startingDeadlineSeconds must be set");
        }
        if (spec.getSuccessfulJobsHistoryLimit() == null || spec.getFailedJobsHistoryLimit() == null) {
            out.add(id + ": successfulJobsHistoryLimit and failedJobsHistoryLimit must be set");
        }
        checkJobSpec(id, spec.getJobTemplate().getSpec(), out);
    }

    private static void checkJobSpec(String id, JobSpec job, List<String> out) {
        if (job.getActiveDeadlineSeconds() == null) {
            out.add(id + ": activeDeadlineSeconds must be set");
        }
        if (job.getBackoffLimit() == null) {
            out.add(id + ": backoffLimit must be set");
        }
        String restart = job.getTemplate().getSpec().getRestartPolicy();
        if (!"Never".equals(restart) && !"OnFailure".equals(restart)) {
            out.add(id + ": restartPolicy must be Never or OnFailure");
        }
    }
}
