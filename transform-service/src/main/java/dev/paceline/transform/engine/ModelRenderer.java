package dev.paceline.transform.engine;

import dev.paceline.transform.Model;
import dev.paceline.transform.macro.Macro;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.template.TemplateContext;
import dev.paceline.transform.template.TemplateException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Renders a model's SQL for one dialect. Besides the dialect's macros, a template sees {@code ref('m')},
 * {@code source('strava', 't')}, {@code config(…)} (renders nothing), {@code this}, {@code dialect},
 * {@code is_incremental()}, {@code changed_activities()} and {@code in_changed('athlete_col', 'activity_col')}.
 *
 * @param dialect macros and statement syntax
 * @param qualifier table name to its qualified name in the warehouse
 * @param changedTable unqualified name of the table of changed (athlete_id, activity_id) of this build
 */
public record ModelRenderer(SqlDialect dialect, UnaryOperator<String> qualifier, String changedTable) {

    /** The table of changed activities of the current build (activity_id null: the whole athlete changed). */
    public static final String CHANGED_TABLE = "_paceline_changed_activities";

    /** Renders the select of {@code model}; {@code incremental} is what is_incremental() returns. */
    public String render(Model model, boolean incremental) {
        if (model.template() == null) {
            throw new IllegalArgumentException(model.name() + " is not a SQL model");
        }
        try {
            return model.template().render(new Context(model, incremental)).strip();
        } catch (TemplateException e) {
            throw new TemplateException(model.resource() + ": " + e.getMessage(), e);
        }
    }

    private final class Context implements TemplateContext {
        private final Model model;
        private final boolean incremental;

        Context(Model model, boolean incremental) {
            this.model = model;
            this.incremental = incremental;
        }

        @Override
        public Object variable(String name) {
            return switch (name) {
                case "this" -> qualifier.apply(model.name());
                case "dialect" -> dialect.dialect().name().toLowerCase(Locale.ROOT);
                default -> throw new TemplateException("unknown name '" + name + "'; names are this and dialect, "
                        + "everything else is a call like ref('x')");
            };
        }

        @Override
        public Object call(String function, List<Object> args, Map<String, Object> kwargs) {
            switch (function) {
                case "config":
                    return "";
                case "ref":
                    return qualifier.apply(String.valueOf(args.get(0)));
                case "source":
                    return qualifier.apply(Sources.tableName(String.valueOf(args.get(0)), String.valueOf(args.get(1))));
                case "is_incremental":
                    return incremental;
                case "changed_activities":
                    return qualifier.apply(changedTable);
                case "in_changed": {
                    Macro.Args a = new Macro.Args(function, args, kwargs);
                    return dialect.inChanged(qualifier.apply(changedTable), a.sql(0, "athlete_column"), a.sql(1, "activity_column"));
                }
                default: {
                    Macro macro = dialect.macros().get(function);
                    if (macro == null) {
                        throw new TemplateException("unknown macro '" + function + "'; available: ref, source, config, "
                                + "is_incremental, changed_activities, in_changed, " + String.join(", ", dialect.macros().keySet()));
                    }
                    return macro.render(new Macro.Args(function, args, kwargs));
                }
            }
        }
    }
}
