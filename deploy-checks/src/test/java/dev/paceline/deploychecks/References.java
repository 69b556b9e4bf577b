package dev.paceline.deploychecks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Referential integrity of one rendered set: every name one resource uses to reach another (Service selectors and
 * target ports, HPA and PDB targets, Ingress backends, service accounts, ConfigMaps, claims) resolves inside the set.
 * Secrets are the exception by design: they are created out of band.
 */
final class References {

    private References() {
    }

    static List<String> dangling(List<HasMetadata> resources) {
        Rendered r = new Rendered(resources);
        List<String> out = new ArrayList<>();
        Set<String> serviceAccounts = names(r.all(ServiceAccount.class));
        Set<String> configMaps = names(r.all(ConfigMap.class));
        Set<String> claims = names(r.all(PersistentVolumeClaim.class));
        Map<String, PodTemplateSpec> workloads = new java.util.LinkedHashMap<>();
        r.all(Deployment.class).forEach(d -> workloads.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        r.all(CronJob.class).forEach(j -> workloads.put("CronJob/" + j.getMetadata().getName(),
                j.getSpec().getJobTemplate().getSpec().getTemplate()));

        workloads.forEach((id, template) -> {
            var pod = template.getSpec();
            String sa = pod.getServiceAccountName();
            if (sa != null && !serviceAccounts.contains(sa)) {
                out.add(id + ": serviceAccountName " + sa + " does not exist");
            }
            for (Container c : pod.getContainers()) {
                for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (from.getConfigMapRef() != null && !configMaps.contains(from.getConfigMapRef().getName())) {
                        out.add(id + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
                    }
                }
            }
            for (Volume v : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (v.getPersistentVolumeClaim() != null && !claims.contains(v.getPersistentVolumeClaim().getClaimName())) {
                    out.add(id + ": volume " + v.getName() + " claims " + v.getPersistentVolumeClaim().getClaimName()
                            + ", which does not exist");
                }
            }
        });

        for (Deployment d : r.all(Deployment.class)) {
            Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
            if (!d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet())) {
                out.add("Deployment/" + d.getMetadata().getName() + ": selector " + selector + " does not match its pod labels");
            }
        }

        for (Service s : r.all(Service.class)) {
            String id = "Service/" + s.getMetadata().getName();
            List<Deployment> backends = r.all(Deployment.class).stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(s.getSpec().getSelector().entrySet()))
                    .toList();
            if (backends.size() != 1) {
                out.add(id + ": selector " + s.getSpec().getSelector() + " matches " + backends.size() + " Deployments, expected 1");
                continue;
            }
            Set<String> portNames = backends.get(0).getSpec().getTemplate().getSpec().getContainers().stream()
                    .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                    .map(p -> p.getName()).collect(Collectors.toSet());
            for (ServicePort port : s.getSpec().getPorts()) {
                String target = port.getTargetPort().getStrVal();
                if (target != null && !portNames.contains(target)) {
                    out.add(id + ": targetPort " + target + " is not a container port name of its Deployment");
                }
            }
        }

        Set<String> deployments = names(r.all(Deployment.class));
        for (HorizontalPodAutoscaler hpa : r.all(HorizontalPodAutoscaler.class)) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            if (!"Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind()) || !deployments.contains(target)) {
                out.add("HorizontalPodAutoscaler/" + hpa.getMetadata().getName() + ": target " + target + " does not exist");
            }
        }
        for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
            Map<String, String> selector = pdb.getSpec().getSelector().getMatchLabels();
            boolean matches = r.all(Deployment.class).stream().anyMatch(d ->
                    d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
            if (!matches) {
                out.add("PodDisruptionBudget/" + pdb.getMetadata().getName() + ": selector " + selector + " matches no pods");
            }
        }
        Map<String, Service> services = r.all(Service.class).stream()
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        for (Ingress ingress : r.all(Ingress.class)) {
            ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream()).forEach(path -> {
                var backend = path.getBackend().getService();
                Service service = services.get(backend.getName());
                if (service == null) {
                    out.add("Ingress/" + ingress.getMetadata().getName() + ": backend " + backend.getName() + " does not exist");
                } else if (service.getSpec().getPorts().stream().noneMatch(p -> backend.getPort().getName() != null
                        ? backend.getPort().getName().equals(p.getName())
                        : backend.getPort().getNumber().equals(p.getPort()))) {
                    out.add("Ingress/" + ingress.getMetadata().getName() + ": port of backend " + backend.getName()
                            + " does not exist on the Service");
                }
            });
        }
        return out;
    }

    private static Set<String> names(List<? extends HasMetadata> resources) {
        return resources.stream().map(x -> x.getMetadata().getName()).collect(Collectors.toSet());
    }
}
