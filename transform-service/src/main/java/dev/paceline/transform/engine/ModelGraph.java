package dev.paceline.transform.engine;

import dev.paceline.transform.DataTestSpec;
import dev.paceline.transform.Model;
import dev.paceline.transform.ModelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DAG of models built from their {@code ref()}s: validated on construction (unknown refs and sources, cycles),
 * ordered topologically (ties broken by name, so the order is stable), and able to select subgraphs.
 */
public final class ModelGraph {

    private final Map<String, Model> models;
    private final Map<String, Set<String>> children = new LinkedHashMap<>();
    private final List<String> order;

    public ModelGraph(Map<String, Model> models) {
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        for (Model m : models.values()) {
            children.putIfAbsent(m.name(), new TreeSet<>());
            for (String ref : m.refs()) {
                if (!models.containsKey(ref)) {
                    throw new ModelException(m.resource() + ": ref('" + ref + "') names no model or seed; known: "
                            + new TreeSet<>(models.keySet()));
                }
                children.computeIfAbsent(ref, k -> new TreeSet<>()).add(m.name());
            }
            for (String source : m.sources()) {
                String[] parts = source.split("\\.", 2);
                if (Sources.schema(parts[0], parts[1]).isEmpty()) {
                    throw new ModelException(m.resource() + ": source('" + parts[0] + "', '" + parts[1]
                            + "') is not a raw table; known: " + Sources.all());
                }
            }
            for (DataTestSpec t : m.tests()) {
                if (t.toModel() != null && !models.containsKey(t.toModel())) {
                    throw new ModelException(m.resource() + ": test " + t.name() + " refers to unknown model '" + t.toModel() + "'");
                }
            }
        }
        this.order = topologicalOrder();
    }

    public Map<String, Model> models() {
        return models;
    }

    public Model model(String name) {
        Model m = models.get(name);
        if (m == null) {
            throw new ModelException("no model named '" + name + "'; known: " + new TreeSet<>(models.keySet()));
        }
        return m;
    }

    /** All models, parents before children. */
    public List<String> order() {
        return order;
    }

    /**
     * The models a selection names, in build order. Each term is {@code model}, {@code model+} (it and everything
     * downstream), {@code +model} (it and everything upstream) or {@code +model+}; terms are separated by spaces or
     * commas and unioned. A blank selection selects everything.
     */
    public List<String> select(String selection) {
        if (selection == null || selection.isBlank()) {
            return order;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String term : selection.trim().split("[\\s,]+")) {
            boolean up = term.startsWith("+");
            boolean down = term.endsWith("+") && term.length() > 1;
            String name = term.substring(up ? 1 : 0, term.length() - (down ? 1 : 0));
            if (name.isEmpty() || !models.containsKey(name)) {
                throw new ModelException("selection term '" + term + "' names no model; use 'model', 'model+', '+model' "
                        + "with one of " + new TreeSet<>(models.keySet()));
            }
            chosen.add(name);
            if (down) {
                walk(name, chosen, true);
            }
            if (up) {
                walk(name, chosen, false);
            }
        }
        return order.stream().filter(chosen::contains).toList();
    }

    /** Direct parents of a model. */
    public Set<String> parents(String name) {
        return model(name).refs();
    }

    private void walk(String from, Set<String> into, boolean downstream) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            for (String next : downstream ? children.getOrDefault(n, Set.of()) : models.get(n).refs()) {
                if (into.add(next)) {
                    todo.push(next);
                }
            }
        }
    }

    private List<String> topologicalOrder() {
        Map<String, Integer> indegree = new LinkedHashMap<>();
        models.values().forEach(m -> indegree.put(m.name(), m.refs().size()));
        TreeSet<String> ready = new TreeSet<>();
        indegree.forEach((n, d) -> {
            if (d == 0) {
                ready.add(n);
            }
        });
        List<String> result = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.pollFirst();
            result.add(n);
            for (String child : children.getOrDefault(n, Set.of())) {
                if (indegree.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (result.size() != models.size()) {
            throw new ModelException("the models form a cycle: " + String.join(" -> ", findCycle())
                    + "; break it by removing one of these ref()s");
        }
        return List.copyOf(result);
    }

    private List<String> findCycle() {
        Set<String> done = new LinkedHashSet<>();
        for (String start : new TreeSet<>(models.keySet())) {
            List<String> path = new ArrayList<>();
            List<String> cycle = dfs(start, path, new LinkedHashSet<>(), done);
            if (cycle != null) {
                return cycle;
            }
        }
        return List.of("?");
    }

    private List<String> dfs(String node, List<String> path, Set<String> onPath, Set<String> done) {
        if (onPath.contains(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return null;
        }
        path.add(node);
        onPath.add(node);
        for (String child : children.getOrDefault(node, Set.of())) {
            List<String> c = dfs(child, path, onPath, done);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(node);
        done.add(node);
        return null;
    }
}
