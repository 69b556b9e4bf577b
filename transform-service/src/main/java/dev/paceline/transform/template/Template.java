package dev.paceline.transform.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed template: text, {@code {{ expression }}}, {@code {% if %}…{% elif %}…{% else %}…{% endif %}},
 * {@code {% for x in list %}…{% endfor %}} (also {@code for a, b in list_of_pairs}; {@code loop.index},
 * {@code loop.first}, {@code loop.last} inside), {@code {% set name = expression %}} and {@code {# comment #}}.
 * {@code {%-} / {@code -%}} trim the whitespace beside a tag, as in Jinja. A {@code set} lasts until the end of the
 * block it is in (a loop body: that iteration). Errors name the template and the line.
 */
public final class Template {

    sealed interface Node permits Text, Output, If, For, Set {
    }

    record Text(String text) implements Node {
    }

    record Output(Expression expression, String source, int line) implements Node {
    }

    record For(List<String> names, Expression items, String source, List<Node> body, int line) implements Node {
    }

    record Set(String name, Expression value, String source, int line) implements Node {
    }

    record Branch(Expression condition, List<Node> body) {
    }

    record If(List<Branch> branches, List<Node> otherwise) implements Node {
    }

    private final String name;
    private final List<Node> nodes;

    private Template(String name, List<Node> nodes) {
        this.name = name;
        this.nodes = nodes;
    }

    /** Parses {@code source}; {@code name} appears in every error message. */
    public static Template parse(String name, String source) {
        Parser p = new Parser(name, source);
        List<Node> nodes = p.nodes(List.of());
        if (p.pendingTag != null) {
            throw new TemplateException(name + ": '{% " + p.pendingTag + " %}' without a matching '{% "
                    + (p.pendingTag.equals("endfor") ? "for" : "if") + " %}'");
        }
        return new Template(name, nodes);
    }

    /** Renders with {@code context}. */
    public String render(TemplateContext context) {
        StringBuilder out = new StringBuilder();
        render(nodes, new Scope(context), out);
        return out.toString();
    }

    /** Variables of {@code set} and {@code for} over the caller's context; a block gets a child scope. */
    private static final class Scope implements TemplateContext {
        private final TemplateContext parent;
        private final Map<String, Object> variables = new HashMap<>();

        Scope(TemplateContext parent) {
            this.parent = parent;
        }

        @Override
        public Object variable(String name) {
            if (variables.containsKey(name)) {
                return variables.get(name);
            }
            return parent.variable(name);
        }

        @Override
        public Object call(String function, List<Object> args, Map<String, Object> kwargs) {
            return parent.call(function, args, kwargs);
        }
    }

    /** Every call expression in the template (all branches), for static analysis such as ref() extraction. */
    public List<Expression.Call> calls() {
        List<Expression.Call> calls = new ArrayList<>();
        collect(nodes, calls);
        return calls;
    }

    private static void collect(List<Node> nodes, List<Expression.Call> calls) {
        for (Node node : nodes) {
            if (node instanceof Output o) {
                collect(o.expression(), calls);
            } else if (node instanceof If i) {
                for (Branch b : i.branches()) {
                    collect(b.condition(), calls);
                    collect(b.body(), calls);
                }
                collect(i.otherwise(), calls);
            } else if (node instanceof For f) {
                collect(f.items(), calls);
                collect(f.body(), calls);
            } else if (node instanceof Set v) {
                collect(v.value(), calls);
            }
        }
    }

    private static void collect(Expression e, List<Expression.Call> calls) {
        if (e instanceof Expression.Call c) {
            calls.add(c);
            c.args().forEach(a -> collect(a, calls));
            c.kwargs().values().forEach(a -> collect(a, calls));
        } else if (e instanceof Expression.ListOf l) {
            l.items().forEach(a -> collect(a, calls));
        } else if (e instanceof Expression.Not n) {
            collect(n.operand(), calls);
        } else if (e instanceof Expression.Binary b) {
            collect(b.left(), calls);
            collect(b.right(), calls);
        }
    }

    private void render(List<Node> nodes, Scope scope, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Output o) {
                Object value = evaluate(o.expression(), scope, "{{ " + o.source().trim() + " }}", o.line());
                if (value instanceof List<?> || value instanceof Boolean) {
                    throw new TemplateException(name + " line " + o.line() + ": '{{ " + o.source().trim() + " }}' gives "
                            + value + ", not SQL text; call a macro that renders it");
                }
                out.append(value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
            } else if (node instanceof If i) {
                boolean done = false;
                for (Branch b : i.branches()) {
                    if (Expression.truthy(b.condition().evaluate(scope))) {
                        render(b.body(), new Scope(scope), out);
                        done = true;
                        break;
                    }
                }
                if (!done) {
                    render(i.otherwise(), new Scope(scope), out);
                }
            } else if (node instanceof Set v) {
                scope.variables.put(v.name(), evaluate(v.value(), scope, "{% set " + v.source() + " %}", v.line()));
            } else if (node instanceof For f) {
                renderFor(f, scope, out);
            }
        }
    }

    private void renderFor(For f, Scope scope, StringBuilder out) {
        String tag = "{% for " + f.source() + " %}";
        if (!(evaluate(f.items(), scope, tag, f.line()) instanceof List<?> items)) {
            throw new TemplateException(name + " line " + f.line() + ": '" + tag + "' loops over a list, e.g. [7, 28]");
        }
        for (int i = 0; i < items.size(); i++) {
            Scope iteration = new Scope(scope);
            Object item = items.get(i);
            if (f.names().size() == 1) {
                iteration.variables.put(f.names().get(0), item);
            } else if (item instanceof List<?> tuple && tuple.size() == f.names().size()) {
                for (int k = 0; k < tuple.size(); k++) {
                    iteration.variables.put(f.names().get(k), tuple.get(k));
                }
            } else {
                throw new TemplateException(name + " line " + f.line() + ": '" + tag + "' unpacks " + f.names().size()
                        + " names but item " + (i + 1) + " is " + item + "; give lists of " + f.names().size() + " items");
            }
            iteration.variables.put("loop.index", (long) i + 1);
            iteration.variables.put("loop.index0", (long) i);
            iteration.variables.put("loop.first", i == 0);
            iteration.variables.put("loop.last", i == items.size() - 1);
            iteration.variables.put("loop.length", (long) items.size());
            render(f.body(), iteration, out);
        }
    }

    private Object evaluate(Expression e, Scope scope, String tag, int line) {
        try {
            return e.evaluate(scope);
        } catch (TemplateException ex) {
            throw new TemplateException(name + " line " + line + ": in '" + tag + "': " + ex.getMessage(), ex);
        }
    }

    private static final java.util.regex.Pattern FOR = java.util.regex.Pattern.compile(
            "([A-Za-z_]\\w*(?:\\s*,\\s*[A-Za-z_]\\w*)*)\\s+in\\s+(.+)", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern SET = java.util.regex.Pattern.compile(
            "([A-Za-z_]\\w*)\\s*=\\s*(.+)", java.util.regex.Pattern.DOTALL);

    private static final class Parser {
        private final String name;
        private final String src;
        private int pos;
        private boolean trimNext;
        /** Where the innermost open block's tag starts, for "never closed" errors. */
        int blockStart;
        /** The closing tag (elif/else/endif/endfor) that ended the last nodes() call. */
        String pendingTag;
        String pendingArgs;

        Parser(String name, String src) {
            this.name = name;
            this.src = src;
        }

        List<Node> nodes(List<String> terminators) {
            List<Node> nodes = new ArrayList<>();
            pendingTag = null;
            while (pos < src.length()) {
                int open = src.indexOf('{', pos);
                while (open >= 0 && open + 1 < src.length() && "{%#".indexOf(src.charAt(open + 1)) < 0) {
                    open = src.indexOf('{', open + 1);
                }
                if (open < 0 || open + 1 >= src.length()) {
                    addText(nodes, src.substring(pos), false);
                    pos = src.length();
                    break;
                }
                char kind = src.charAt(open + 1);
                boolean trimBefore = open + 2 < src.length() && src.charAt(open + 2) == '-';
                addText(nodes, src.substring(pos, open), trimBefore);
                String close = kind == '{' ? "}}" : kind == '%' ? "%}" : "#}";
                int end = src.indexOf(close, open + 2);
                if (end < 0) {
                    throw new TemplateException(name + ": '" + src.charAt(open) + kind + "' at line " + line(open)
                            + " is never closed with '" + close + "'");
                }
                String inner = src.substring(open + 2 + (trimBefore ? 1 : 0), end);
                trimNext = inner.endsWith("-");
                if (trimNext) {
                    inner = inner.substring(0, inner.length() - 1);
                }
                pos = end + 2;
                if (kind == '#') {
                    continue;
                }
                if (kind == '{') {
                    nodes.add(new Output(parse(inner, open), inner, line(open)));
                    continue;
                }
                String tag = inner.trim();
                String word = tag.split("\\s+", 2)[0];
                String args = tag.length() > word.length() ? tag.substring(word.length()).trim() : "";
                if (word.equals("if")) {
                    nodes.add(ifNode(args, open));
                } else if (word.equals("for")) {
                    nodes.add(forNode(args, open));
                } else if (word.equals("set")) {
                    nodes.add(setNode(args, open));
                } else if (terminators.contains(word)) {
                    pendingTag = word;
                    pendingArgs = args;
                    return nodes;
                } else {
                    throw new TemplateException(name + " line " + line(open) + ": unsupported tag '{% " + tag
                            + " %}'; the template language has {% if %}, {% elif %}, {% else %}, {% endif %}, "
                            + "{% for %}, {% endfor %} and {% set %}");
                }
            }
            if (!terminators.isEmpty()) {
                String opener = terminators.contains("endfor") ? "for" : "if";
                throw new TemplateException(name + " line " + line(blockStart) + ": '{% " + opener
                        + " %}' is never closed with '{% end" + opener + " %}'");
            }
            return nodes;
        }

        private For forNode(String args, int at) {
            java.util.regex.Matcher m = FOR.matcher(args);
            if (!m.matches()) {
                throw new TemplateException(name + " line " + line(at) + ": '{% for " + args
                        + " %}' must read '{% for name in list %}' or '{% for a, b in list_of_pairs %}'");
            }
            List<String> names = List.of(m.group(1).split("\\s*,\\s*"));
            Expression items = parse(m.group(2), at);
            int outer = blockStart;
            blockStart = at;
            List<Node> body = nodes(List.of("endfor"));
            blockStart = outer;
            pendingTag = null;
            return new For(names, items, args, body, line(at));
        }

        private Set setNode(String args, int at) {
            java.util.regex.Matcher m = SET.matcher(args);
            if (!m.matches()) {
                throw new TemplateException(name + " line " + line(at) + ": '{% set " + args
                        + " %}' must read '{% set name = expression %}'");
            }
            return new Set(m.group(1), parse(m.group(2), at), args, line(at));
        }

        private Expression parse(String expression, int at) {
            try {
                return Expression.parse(expression);
            } catch (TemplateException e) {
                throw new TemplateException(name + " line " + line(at) + ": " + e.getMessage(), e);
            }
        }

        private If ifNode(String condition, int at) {
            List<Branch> branches = new ArrayList<>();
            List<Node> otherwise = List.of();
            Expression cond = parseCondition(condition, at);
            int outer = blockStart;
            blockStart = at;
            while (true) {
                List<Node> body = nodes(List.of("elif", "else", "endif"));
                String tag = pendingTag;
                branches.add(new Branch(cond, body));
                if (tag.equals("elif")) {
                    cond = parseCondition(pendingArgs, at);
                } else if (tag.equals("else")) {
                    otherwise = nodes(List.of("endif"));
                    break;
                } else {
                    break;
                }
            }
            blockStart = outer;
            pendingTag = null;
            return new If(branches, otherwise);
        }

        private Expression parseCondition(String condition, int at) {
            if (condition.isBlank()) {
                throw new TemplateException(name + " line " + line(at) + ": '{% if %}' needs a condition");
            }
            try {
                return Expression.parse(condition);
            } catch (TemplateException e) {
                throw new TemplateException(name + " line " + line(at) + ": " + e.getMessage(), e);
            }
        }

        private void addText(List<Node> nodes, String text, boolean trimRight) {
            if (trimNext) {
                text = text.stripLeading();
                trimNext = false;
            }
            if (trimRight) {
                text = text.stripTrailing();
            }
            if (!text.isEmpty()) {
                nodes.add(new Text(text));
            }
        }

        private int line(int offset) {
            int line = 1;
            for (int i = 0; i < offset && i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
