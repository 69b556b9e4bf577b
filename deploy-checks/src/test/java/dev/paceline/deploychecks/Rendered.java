package dev.paceline.deploychecks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.NoSuchElementException;

/** Lookup helpers over a rendered set of resources. */
record Rendered(List<HasMetadata> resources) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No " + type.getSimpleName() + " named " + name
                        + " among " + all(type).stream().map(r -> r.getMetadata().getName()).toList()));
    }

    List<String> names(Class<? extends HasMetadata> type) {
        return all(type).stream().map(r -> r.getMetadata().getName()).sorted().toList();
    }
}
