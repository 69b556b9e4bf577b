package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline kustomize subset: merge semantics and the refusals that keep it honest. */
class MiniKustomizeTest {

    @TempDir
    Path dir;

    private static ObjectNode yaml(String text) {
        return (ObjectNode) StrictManifests.documents(text, "test").get(0);
    }

    @Test
    void mergesNamedListsByKeyReplacesOthersAndDeletesNulls() {
        ObjectNode target = yaml("""
                spec:
                  replicas: 2
                  paused: false
                  containers:
                    - name: app
                      args: [a, b]
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                    - name: sidecar
                      image: s:1
                """);
        ObjectNode patch = yaml("""
                spec:
                  paused: null
                  containers:
                    - name: app
                      args: [c]
                      env:
                        - {name: B, value: "20"}
                        - {name: C, value: "3"}
                """);
        MiniKustomize.merge(target, patch);

        assertThat(target.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(target.at("/spec").has("paused")).isFalse();
        JsonNode app = target.at("/spec/containers/0");
        assertThat(app.path("name").asText()).isEqualTo("app");
        assertThat(app.path("args")).hasSize(1);
        assertThat(app.path("args").get(0).asText()).isEqualTo("c");
        assertThat(app.path("env")).extracting(e -> e.path("name").asText() + "=" + e.path("value").asText())
                .containsExactly("B=20", "C=3", "A=1");
        assertThat(target.at("/spec/containers/1/image").asText()).isEqualTo("s:1");
    }

    @Test
    void buildsBasePlusOverlayWithImagesNamespaceAndDelete() throws IOException {
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [app.yaml]
                """);
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: app, image: "org/app:1.0"}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: app}
                spec: {minAvailable: 1}
                """);
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: prod
                resources: [../base]
                images:
                  - {name: org/app, newName: registry.example/org/app, newTag: "2.0"}
                patches:
                  - path: replicas.yaml
                  - path: no-pdb.yaml
                """);
        write("overlay/replicas.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec: {replicas: 3}
                """);
        write("overlay/no-pdb.yaml", """
                $patch: delete
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: app}
                """);

        List<ObjectNode> out = MiniKustomize.build(dir.resolve("overlay"));

        assertThat(out).hasSize(1);
        ObjectNode app = out.get(0);
        assertThat(app.at("/metadata/namespace").asText()).isEqualTo("prod");
        assertThat(app.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(app.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry.example/org/app:2.0");
    }

    @Test
    void refusesWhatItCannotResolveFaithfully() throws IOException {
        write("k/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namePrefix: prod-
                resources: []
                """);
        assertThatThrownBy(() -> MiniKustomize.build(dir.resolve("k")))
                .hasMessageContaining("'namePrefix' is not supported by the offline resolver");

        write("t/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: []
                patches:
                  - path: p.yaml
                    target: {kind: Deployment}
                """);
        assertThatThrownBy(() -> MiniKustomize.build(dir.resolve("t")))
                .hasMessageContaining("'target' is not supported");
    }

    @Test
    void failsOnPatchesAndImagesThatMatchNothing() throws IOException {
        write("p/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [cm.yaml]
                patches: [{path: patch.yaml}]
                """);
        write("p/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: real}\n");
        write("p/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typo}\ndata: {A: b}\n");
        assertThatThrownBy(() -> MiniKustomize.build(dir.resolve("p")))
                .hasMessageContaining("patch for ConfigMap/typo matches no resource");

        write("i/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [cm.yaml]
                images: [{name: org/missing, newTag: "1"}]
                """);
        write("i/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: real}\n");
        assertThatThrownBy(() -> MiniKustomize.build(dir.resolve("i")))
                .hasMessageContaining("image 'org/missing' is used by no container");
    }

    @Test
    void kustomizationFieldsAreCheckedAgainstTheFabric8Model() throws IOException {
        write("m/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resource: [cm.yaml]
                """);
        assertThatThrownBy(() -> MiniKustomize.build(dir.resolve("m"))).hasMessageContaining("resource");
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
