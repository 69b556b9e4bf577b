package dev.paceline.transform.service;

import dev.paceline.transform.JavaModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The Java models available to the engine: every {@link JavaModel} CDI bean (resolved at build time by ArC). */
@ApplicationScoped
public class JavaModelRegistry {

    private final List<JavaModel> models;

    public JavaModelRegistry(Instance<JavaModel> models) {
        List<JavaModel> all = new ArrayList<>();
        models.forEach(all::add);
        all.sort(Comparator.comparing(m -> m.getClass().getName()));
        this.models = List.copyOf(all);
    }

    public List<JavaModel> models() {
        return models;
    }
}
