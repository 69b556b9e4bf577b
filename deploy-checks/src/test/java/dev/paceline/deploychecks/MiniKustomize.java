package dev.paceline.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subset of kustomize that Paceline's k8s/ folder uses, resolved in plain Java because no kustomize binary is
 * available offline: {@code resources} (files and nested kustomizations), {@code namespace}, {@code images} and
 * {@code patches} given as strategic-merge files matched by kind and name.
 *
 * <p>The merge follows Kubernetes' strategic merge for the lists we patch: {@code containers}, {@code initContainers},
 * {@code env}, {@code volumes} merge by {@code name}, {@code volumeMounts} by {@code mountPath}, {@code ports} by
 * {@code containerPort} (or {@code port}), the patch's elements first as kustomize orders them; other lists are replaced, {@code null} deletes a key and a document whose
 * {@code $patch} is {@code delete} removes the matched resource. Any other kustomization field is refused, so adding
 * one to k8s/ makes the checks fail instead of silently testing something other than what kubectl would apply.
 */
final class MiniKustomize {

    static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");
    private static final Set<String> PATCH_FIELDS = Set.of("path");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");
    private static final Map<String, List<String>> MERGE_KEYS = Map.of(
            "containers", List.of("name"),
            "initContainers", List.of("name"),
            "env", List.of("name"),
            "volumes", List.of("name"),
            "volumeMounts", List.of("mountPath"),
            "ports", List.of("containerPort", "port"));
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "StorageClass", "CustomResourceDefinition");

    private MiniKustomize() {
    }

    /** Builds the kustomization in {@code dir} into its final resources, in declaration order. */
    static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no kustomization.yaml");
        }
        JsonNode k = single(file);
        StrictManifests.YAML.convertValue(k, io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization.class);
        requireOnly(k, SUPPORTED_FIELDS, file, "kustomization");
        if (!"Kustomization".equals(k.path("kind").asText())) {
            throw new IllegalArgumentException(file + ": kind must be Kustomization");
        }

        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path target = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target));
            } else if (Files.isRegularFile(target)) {
                for (JsonNode doc : read(target)) {
                    resources.add((ObjectNode) doc);
                }
            } else {
                throw new IllegalArgumentException(file + ": resource '" + entry.asText() + "' does not exist");
            }
        }

        for (JsonNode patchRef : k.path("patches")) {
            requireOnly(patchRef, PATCH_FIELDS, file, "patches entry (only strategic-merge files given by path)");
            Path patchFile = dir.resolve(patchRef.path("path").asText()).normalize();
            for (JsonNode patch : read(patchFile)) {
                applyPatch(resources, (ObjectNode) patch, patchFile);
            }
        }

        for (JsonNode image : k.path("images")) {
            requireOnly(image, IMAGE_FIELDS, file, "images entry");
            int changed = 0;
            for (ObjectNode resource : resources) {
                changed += retagImages(resource, image);
            }
            if (changed == 0) {
                throw new IllegalArgumentException(file + ": image '" + image.path("name").asText()
                        + "' is used by no container; remove the entry or fix its name");
            }
        }

        if (k.hasNonNull("namespace")) {
            String namespace = k.get("namespace").asText();
            for (ObjectNode resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                    ((ObjectNode) resource.get("metadata")).put("namespace", namespace);
                } else if ("Namespace".equals(resource.path("kind").asText())) {
                    ((ObjectNode) resource.get("metadata")).put("name", namespace);
                }
            }
        }
        return resources;
    }

    /** Strategic merge of {@code patch} into {@code target}, in place (see the class comment for the rules). */
    static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("Directive " + name + " is only supported as a top-level '$patch: delete'");
            } else if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value);
            } else if (value.isArray() && current != null && current.isArray() && MERGE_KEYS.containsKey(name)) {
                mergeList((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    /** Kustomize's order: the patch's elements first (merged into their match), then the untouched originals. */
    private static void mergeList(ArrayNode current, ArrayNode patch, List<String> keys) {
        List<JsonNode> untouched = new ArrayList<>();
        current.forEach(untouched::add);
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode element : patch) {
            String key = keys.stream().filter(element::has).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "List element " + element + " has none of the merge keys " + keys));
            ObjectNode match = null;
            for (JsonNode existing : untouched) {
                if (existing.path(key).equals(element.get(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                result.add(element.deepCopy());
            } else {
                untouched.remove(match);
                merge(match, (ObjectNode) element);
                result.add(match);
            }
        }
        result.addAll(untouched);
        current.removeAll();
        current.addAll(result);
    }

    private static void applyPatch(List<ObjectNode> resources, ObjectNode patch, Path patchFile) {
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        String group = group(patch.path("apiVersion").asText());
        ObjectNode target = resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind)
                        && r.path("metadata").path("name").asText().equals(name)
                        && group(r.path("apiVersion").asText()).equals(group))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(patchFile + ": patch for " + kind + "/" + name
                        + " matches no resource of the kustomization"));
        ObjectNode body = patch.deepCopy();
        JsonNode directive = body.remove("$patch");
        if (directive != null) {
            if (!"delete".equals(directive.asText())) {
                throw new IllegalArgumentException(patchFile + ": only '$patch: delete' is supported, got " + directive);
            }
            resources.remove(target);
            return;
        }
        merge(target, body);
    }

    private static int retagImages(JsonNode node, JsonNode image) {
        int changed = 0;
        if (node.isObject()) {
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode container : node.path(list)) {
                    if (container.has("image") && retag((ObjectNode) container, image)) {
                        changed++;
                    }
                }
            }
            for (JsonNode child : node) {
                changed += retagImages(child, image);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                changed += retagImages(child, image);
            }
        }
        return changed;
    }

    private static boolean retag(ObjectNode container, JsonNode image) {
        String ref = container.get("image").asText();
        String digest = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
        }
        String tag = null;
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        if (!ref.equals(image.path("name").asText())) {
            return false;
        }
        String name = image.hasNonNull("newName") ? image.get("newName").asText() : ref;
        if (image.hasNonNull("digest")) {
            container.put("image", name + "@" + image.get("digest").asText());
        } else {
            String newTag = image.hasNonNull("newTag") ? image.get("newTag").asText() : tag;
            container.put("image", name + (newTag == null ? "" : ":" + newTag) + (digest == null ? "" : "@" + digest));
        }
        return true;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static void requireOnly(JsonNode node, Set<String> allowed, Path file, String what) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(file + ": " + what + " field '" + field
                        + "' is not supported by the offline resolver (supported: " + allowed
                        + "); extend MiniKustomize and its tests, or express the change as a strategic-merge patch");
            }
        });
    }

    private static List<JsonNode> read(Path file) {
        try {
            return StrictManifests.documents(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode single(Path file) {
        List<JsonNode> docs = read(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + " must hold exactly one document, found " + docs.size());
        }
        return docs.get(0);
    }
}
