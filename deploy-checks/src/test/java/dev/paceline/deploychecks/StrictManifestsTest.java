package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict parsing: what fabric8's lenient defaults would let through must fail here. */
class StrictManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                    - name: api
                      image: org/api:1.0
                      %s
            """;

    @Test
    void parsesKnownKindsIntoTheirModelTypes() {
        List<HasMetadata> parsed = StrictManifests.parse("---\n# comment only\n---\n"
                + DEPLOYMENT.formatted("securityContext: {readOnlyRootFilesystem: true}"), "test");
        assertThat(parsed).singleElement().isInstanceOf(Deployment.class);
        Deployment d = (Deployment) parsed.get(0);
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext()
                .getReadOnlyRootFilesystem()).isTrue();
    }

    @Test
    void unknownFieldFailsWithItsPath() {
        // fabric8 alone would file this under additionalProperties and the container would run read-write
        assertThatThrownBy(() -> StrictManifests.parse(
                DEPLOYMENT.formatted("securityContext: {readOnlyRootFileSystem: true}"), "test"))
                .hasMessageContaining("Deployment/api")
                .hasMessageContaining("readOnlyRootFileSystem")
                .hasMessageContaining("securityContext");
    }

    @Test
    void misplacedFieldFails() {
        assertThatThrownBy(() -> StrictManifests.parse(DEPLOYMENT.formatted("replicas: 2"), "test"))
                .hasMessageContaining("replicas");
    }

    @Test
    void duplicateKeysFail() {
        assertThatThrownBy(() -> StrictManifests.parse(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, name: b}\n", "test"))
                .hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void unknownKindsAndVersionsFail() {
        assertThatThrownBy(() -> StrictManifests.parse(
                "apiVersion: networking.gke.io/v1\nkind: ManagedCertificate\nmetadata: {name: c}\n", "test"))
                .hasMessageContaining("which Paceline does not deploy");
        assertThatThrownBy(() -> StrictManifests.parse(
                "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n", "test"))
                .hasMessageContaining("autoscaling/v1/HorizontalPodAutoscaler");
    }
}
