package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reference between resources resolves, in every render; and a broken one is reported. */
class ReferencesTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/gke", "overlays/minimal"})
    void kustomizeBuildsHaveNoDanglingReferences(String dir) {
        assertThat(References.dangling(KustomizeOverlaysTest.build(dir).resources())).isEmpty();
    }

    @Test
    void helmRendersHaveNoDanglingReferences() {
        assertThat(References.dangling(HelmChartTest.renderDefault().resources())).isEmpty();
        assertThat(References.dangling(HelmChartTest.renderProduction().resources())).isEmpty();
        assertThat(References.dangling(HelmChartTest.render(c -> c
                .withValuesFile(HelmChartTest.PRODUCTION).set("ingress.webhook.enabled", true)).resources())).isEmpty();
    }

    @Test
    void brokenReferencesAreReported() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: api}
                spec:
                  selector: {app: apii}
                  ports: [{name: http, port: 80, targetPort: http}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      serviceAccountName: missing-sa
                      containers:
                        - name: api
                          image: org/api:1
                          envFrom: [{configMapRef: {name: missing-config}}]
                          ports: [{name: web, containerPort: 8080}]
                      volumes: [{name: data, persistentVolumeClaim: {claimName: missing-claim}}]
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: api}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: apu}
                  maxReplicas: 3
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: api}
                spec:
                  rules:
                    - http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend: {service: {name: api, port: {name: https}}}
                """;
        List<String> dangling = References.dangling(StrictManifests.parse(yaml, "test"));
        assertThat(dangling).containsExactlyInAnyOrder(
                "Deployment/api: serviceAccountName missing-sa does not exist",
                "Deployment/api: envFrom ConfigMap missing-config does not exist",
                "Deployment/api: volume data claims missing-claim, which does not exist",
                "Service/api: selector {app=apii} matches 0 Deployments, expected 1",
                "HorizontalPodAutoscaler/api: target apu does not exist",
                "Ingress/api: port of backend api does not exist on the Service");
    }
}
