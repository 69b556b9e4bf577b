package dev.paceline.transform.macro;

import java.util.List;
import java.util.Map;

/** A macro: SQL text from evaluated arguments (strings are SQL expressions unless the macro says otherwise). */
@FunctionalInterface
public interface Macro {

    String render(Args args);

    /** The arguments of one call, with helpers that name the macro and the argument in errors. */
    record Args(String macro, List<Object> positional, Map<String, Object> named) {

        public String sql(int index, String name) {
            Object v = index < positional.size() ? positional.get(index) : named.get(name);
            if (v == null) {
                throw new MacroException(macro + "(): argument " + (index + 1) + " '" + name + "' is missing");
            }
            if (v instanceof List<?>) {
                throw new MacroException(macro + "(): argument '" + name + "' must be a SQL expression string, not a list");
            }
            return v.toString();
        }

        public String sqlOr(int index, String name, String fallback) {
            Object v = index < positional.size() ? positional.get(index) : named.get(name);
            return v == null ? fallback : v.toString();
        }

        public List<String> list(int index, String name) {
            Object v = index < positional.size() ? positional.get(index) : named.get(name);
            if (!(v instanceof List<?> l)) {
                throw new MacroException(macro + "(): argument '" + name + "' must be a list like ['a', 'b']");
            }
            return l.stream().map(String::valueOf).toList();
        }

        public void expectAtMost(int count) {
            if (positional.size() > count) {
                throw new MacroException(macro + "() takes at most " + count + " positional arguments, got " + positional.size());
            }
        }
    }
}
