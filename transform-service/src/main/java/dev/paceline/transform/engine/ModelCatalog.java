package dev.paceline.transform.engine;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.ColumnType;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.transform.DataTestSpec;
import dev.paceline.transform.JavaModel;
import dev.paceline.transform.Materialization;
import dev.paceline.transform.Model;
import dev.paceline.transform.ModelException;
import dev.paceline.transform.template.Expression;
import dev.paceline.transform.template.Template;
import dev.paceline.transform.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the models, seeds and Java models. Resource folders cannot be listed in a native image, so
 * {@code <root>/index.txt} lists every file (one relative path a line, {@code #} comments); a test fails when a file
 * is missing from it. Seeds may be overridden by a CSV of the same name in the seeds folder of the configuration.
 */
public final class ModelCatalog {

    private ModelCatalog() {
    }

    /**
     * @param root resource folder, {@code models} in production
     * @param loader class loader to read resources with
     * @param seedsOverride folder whose {@code <seed>.csv} files replace the shipped seeds (may be empty)
     * @param javaModels Java models to add to the graph
     */
    public static ModelGraph load(String root, ClassLoader loader, Optional<Path> seedsOverride, List<JavaModel> javaModels) {
        return load(root, loader, seedsOverride, javaModels, Set.of());
    }

    /**
     * The same, with opt-in models: a model whose config says {@code enabled=false} is left out of the graph unless
     * its name is in {@code enable} ({@code paceline.transform.enable-models}).
     */
    public static ModelGraph load(String root, ClassLoader loader, Optional<Path> seedsOverride, List<JavaModel> javaModels,
            Set<String> enable) {
        Map<String, Model> models = new LinkedHashMap<>();
        Set<String> optIn = new LinkedHashSet<>();
        for (String entry : index(root, loader)) {
            String resource = root + "/" + entry;
            String text = read(loader, resource);
            String file = entry.substring(entry.lastIndexOf('/') + 1);
            String layer = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : "";
            Model model;
            if (file.endsWith(".sql")) {
                model = sqlModel(file.substring(0, file.length() - 4), layer, resource, text);
            } else if (file.endsWith(".csv")) {
                String name = file.substring(0, file.length() - 4);
                String source = resource;
                if (seedsOverride.isPresent()) {
                    Path override = seedsOverride.get().resolve(file);
                    if (Files.isRegularFile(override)) {
                        try {
                            text = Files.readString(override, StandardCharsets.UTF_8);
                            source = override.toString();
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot read seed override " + override, e);
                        }
                    }
                }
                model = seed(name, source, text);
                if (!source.equals(resource)) {
                    Model shipped = seed(name, resource, read(loader, resource));
                    if (!shipped.seedSchema().equals(model.seedSchema())) {
                        throw new ModelException("seed override " + source + " must keep the shipped header "
                                + header(shipped.seedSchema()) + " but has " + header(model.seedSchema()));
                    }
                }
            } else {
                throw new ModelException(resource + ": only .sql models and .csv seeds can be listed in " + root + "/index.txt");
            }
            if (model.template() != null && !enabledByDefault(model)) {
                optIn.add(model.name());
                if (!enable.contains(model.name())) {
                    continue;
                }
            }
            if (models.put(model.name(), model) != null) {
                throw new ModelException("two models are named '" + model.name() + "' (" + resource + "); names must be unique");
            }
        }
        for (String name : enable) {
            if (!optIn.contains(name)) {
                throw new ModelException("paceline.transform.enable-models names '" + name + "', which is not an opt-in model;"
                        + " opt-in models (config enabled=false): " + optIn);
            }
        }
        for (JavaModel java : javaModels) {
            for (JavaModel.Table table : java.tables()) {
                Model model = javaModel(java, table);
                if (models.put(model.name(), model) != null) {
                    throw new ModelException("the Java model table '" + model.name() + "' has the name of another model");
                }
            }
        }
        for (Model m : models.values()) {
            for (String ref : m.refs()) {
                if (!models.containsKey(ref) && optIn.contains(ref)) {
                    throw new ModelException(m.resource() + ": ref('" + ref + "') names an opt-in model that is off; enable it"
                            + " with paceline.transform.enable-models=" + ref);
                }
            }
        }
        return new ModelGraph(models);
    }

    /** The entries of {@code <root>/index.txt}. */
    public static List<String> index(String root, ClassLoader loader) {
        String index = read(loader, root + "/index.txt");
        List<String> entries = new ArrayList<>();
        for (String line : index.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                entries.add(l);
            }
        }
        return entries;
    }

    static Model sqlModel(String name, String layer, String resource, String text) {
        Template template;
        try {
            template = Template.parse(name, text);
        } catch (TemplateException e) {
            throw new ModelException(resource + ": " + e.getMessage(), e);
        }
        int open = text.indexOf("{#");
        int close = open < 0 ? -1 : text.indexOf("#}", open);
        if (open < 0 || close < 0 || !text.substring(0, open).isBlank()) {
            throw new ModelException(resource + ": a model starts with a '{# grain: … #}' header (see docs/models.md)");
        }
        ModelHeader header = ModelHeader.parse(name, text.substring(open + 2, close));
        Map<String, Object> config = new LinkedHashMap<>();
        Set<String> refs = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (Expression.Call call : template.calls()) {
            switch (call.function()) {
                case "config" -> {
                    if (!call.args().isEmpty()) {
                        throw new ModelException(resource + ": config() takes keyword arguments only, e.g. "
                                + "config(materialized='table')");
                    }
                    call.kwargs().forEach((k, v) -> config.put(k, literal(resource, "config(" + k + "=…)", v)));
                }
                case "ref" -> refs.add(stringArg(resource, call, 0));
                case "source" -> sources.add(stringArg(resource, call, 0) + "." + stringArg(resource, call, 1));
                default -> {
                }
            }
        }
        for (String key : config.keySet()) {
            if (!List.of("materialized", "unique_key", "serve", "batch_seconds", "enabled").contains(key)) {
                throw new ModelException(resource + ": unknown config key '" + key
                        + "'; accepted: materialized, unique_key, serve, batch_seconds, enabled");
            }
        }
        if (config.containsKey("enabled") && !(config.get("enabled") instanceof Boolean)) {
            throw new ModelException(resource + ": config(enabled=" + config.get("enabled") + ") takes true or false");
        }
        Materialization m = Materialization.parse(String.valueOf(config.getOrDefault("materialized", "view")), name);
        if (m == Materialization.SEED) {
            throw new ModelException(resource + ": materialized='seed' is for CSV files under seeds/");
        }
        List<String> uniqueKey = new ArrayList<>();
        Object key = config.get("unique_key");
        if (key instanceof String s) {
            uniqueKey.add(s);
        } else if (key instanceof List<?> l) {
            l.forEach(k -> uniqueKey.add(String.valueOf(k)));
        }
        if (m == Materialization.INCREMENTAL) {
            if (!uniqueKey.contains("athlete_id") || !uniqueKey.contains("activity_id")) {
                throw new ModelException(resource + ": an incremental model needs unique_key including 'athlete_id' and "
                        + "'activity_id' (the changed-activity scope), e.g. unique_key=['athlete_id','activity_id']");
            }
        }
        boolean serve = Boolean.TRUE.equals(config.get("serve"));
        long batch = 0;
        Object batchValue = config.get("batch_seconds");
        if (batchValue != null) {
            if (m != Materialization.INCREMENTAL || !(batchValue instanceof Long n) || n < 1) {
                throw new ModelException(resource + ": batch_seconds=" + batchValue + " is not valid; it takes a whole number "
                        + "of seconds of activity (1 or more), on incremental models only, e.g. batch_seconds=1000000");
            }
            batch = n;
        }
        return new Model(name, layer, resource, template, m, List.copyOf(uniqueKey), serve, batch, header.grain(),
                header.description(), header.tests(), Set.copyOf(refs), Set.copyOf(sources), null, null);
    }

    static Model seed(String name, String resource, String text) {
        StringBuilder headerText = new StringBuilder();
        StringBuilder body = new StringBuilder();
        String columnsLine = null;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (columnsLine == null && line.startsWith("#")) {
                headerText.append(line.substring(1)).append('\n');
            } else if (columnsLine == null) {
                if (!line.isBlank()) {
                    columnsLine = line;
                }
            } else {
                body.append(line).append('\n');
            }
        }
        if (columnsLine == null) {
            throw new ModelException(resource + ": a seed needs a header line of 'column:TYPE' fields");
        }
        List<Column> columns = new ArrayList<>();
        for (String field : Csv.parse(columnsLine).get(0)) {
            String[] parts = field.strip().split(":");
            if (parts.length != 2) {
                throw new ModelException(resource + ": seed header field '" + field + "' must be 'column:TYPE' with TYPE one of "
                        + java.util.Arrays.toString(ColumnType.values()));
            }
            try {
                columns.add(Column.of(parts[0].strip(), ColumnType.valueOf(parts[1].strip().toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new ModelException(resource + ": seed column '" + parts[0] + "' has unknown type '" + parts[1]
                        + "'; use one of " + java.util.Arrays.toString(ColumnType.values()));
            }
        }
        ModelHeader header = headerText.toString().isBlank()
                ? new ModelHeader("one row per seed line", null, List.of())
                : ModelHeader.parse(name, headerText.toString());
        TableSchema schema = new TableSchema(columns);
        List<List<String>> rows;
        try {
            rows = Csv.parse(body.toString());
        } catch (IllegalArgumentException e) {
            throw new ModelException(resource + ": " + e.getMessage());
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new ModelException(resource + ": data row " + (i + 1) + " has " + rows.get(i).size()
                        + " fields but the header declares " + columns.size());
            }
        }
        return new Model(name, "seeds", resource, null, Materialization.SEED, List.of(), false, 0, header.grain(),
                header.description(), header.tests(), Set.of(), Set.of(), schema, body.toString());
    }

    static Model javaModel(JavaModel java, JavaModel.Table table) {
        String header = "grain: " + table.grain() + "\ntests:\n" + String.join("\n", table.tests().stream().map(t -> "- " + t).toList());
        ModelHeader parsed = ModelHeader.parse(table.name(), header);
        Set<String> refs = new LinkedHashSet<>(java.refs());
        refs.add("stg_strava__activities");
        for (String required : List.of("athlete_id", "activity_id")) {
            if (table.schema().column(required).isEmpty() || !table.uniqueKey().contains(required)) {
                throw new ModelException("Java model table " + table.name() + ": schema and unique key must include " + required);
            }
        }
        return new Model(table.name(), "java", java.getClass().getName(), null, Materialization.INCREMENTAL,
                table.uniqueKey(), false, 0, table.grain(), null, parsed.tests(), Set.copyOf(refs), Set.of(),
                table.schema(), null);
    }

    /** Whether a SQL model is built without being named in {@code enable} (its config has no {@code enabled=false}). */
    private static boolean enabledByDefault(Model model) {
        for (Expression.Call call : model.template().calls()) {
            if (call.function().equals("config") && call.kwargs().get("enabled") instanceof Expression.Literal l
                    && Boolean.FALSE.equals(l.value())) {
                return false;
            }
        }
        return true;
    }

    private static String header(TableSchema schema) {
        return String.join(",", schema.columns().stream().map(c -> c.name() + ":" + c.type()).toList());
    }

    private static Object literal(String resource, String where, Expression e) {
        if (e instanceof Expression.Literal l) {
            return l.value();
        }
        if (e instanceof Expression.ListOf list) {
            List<Object> values = new ArrayList<>();
            list.items().forEach(i -> values.add(literal(resource, where, i)));
            return values;
        }
        throw new ModelException(resource + ": " + where + " must be a literal");
    }

    private static String stringArg(String resource, Expression.Call call, int index) {
        if (call.args().size() <= index || !(call.args().get(index) instanceof Expression.Literal l)
                || !(l.value() instanceof String s)) {
            throw new ModelException(resource + ": " + call.function() + "() needs literal string arguments, e.g. "
                    + (call.function().equals("ref") ? "ref('stg_strava__activities')" : "source('strava', 'activities')"));
        }
        return s;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelException("resource " + resource + " is missing; list only existing files in the index");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    /** Data tests of every node. */
    public static List<DataTestSpec> tests(ModelGraph graph) {
        List<DataTestSpec> tests = new ArrayList<>();
        graph.models().values().forEach(m -> tests.addAll(m.tests()));
        return tests;
    }
}
