package dev.paceline.transform.template;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed template: text, {@code {{ expression }}}, {@code {% if %}…{% elif %}…{% else %}…{% endif %}} and
 * {@code {# comment #}}. {@code {%-} / {@code -%}} trim the whitespace beside a tag, as in Jinja.
 */
public final class Template {

    sealed interface Node permits Text, Output, If {
    }

    record Text(String text) implements Node {
    }

    record Output(Expression expression, String source) implements Node {
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
            throw new TemplateException(name + ": '{% " + p.pendingTag + " %}' without a matching '{% if %}'");
        }
        return new Template(name, nodes);
    }

    /** Renders with {@code context}. */
    public String render(TemplateContext context) {
        StringBuilder out = new StringBuilder();
        render(nodes, context, out);
        return out.toString();
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

    private void render(List<Node> nodes, TemplateContext context, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Output o) {
                Object value;
                try {
                    value = o.expression().evaluate(context);
                } catch (TemplateException e) {
                    throw new TemplateException(name + ": in '{{ " + o.source().trim() + " }}': " + e.getMessage(), e);
                }
                if (value instanceof List<?> || value instanceof Boolean) {
                    throw new TemplateException(name + ": '{{ " + o.source().trim() + " }}' gives " + value
                            + ", not SQL text; call a macro that renders it");
                }
                out.append(value == null ? "" : value.toString());
            } else if (node instanceof If i) {
                boolean done = false;
                for (Branch b : i.branches()) {
                    if (Expression.truthy(b.condition().evaluate(context))) {
                        render(b.body(), context, out);
                        done = true;
                        break;
                    }
                }
                if (!done) {
                    render(i.otherwise(), context, out);
                }
            }
        }
    }

    private static final class Parser {
        private final String name;
        private final String src;
        private int pos;
        private boolean trimNext;
        /** The closing tag (elif/else/endif) that ended the last nodes() call. */
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
                    try {
                        nodes.add(new Output(Expression.parse(inner), inner));
                    } catch (TemplateException e) {
                        throw new TemplateException(name + " line " + line(open) + ": " + e.getMessage(), e);
                    }
                    continue;
                }
                String tag = inner.trim();
                String word = tag.split("\\s+", 2)[0];
                String args = tag.length() > word.length() ? tag.substring(word.length()).trim() : "";
                if (word.equals("if")) {
                    nodes.add(ifNode(args, open));
                } else if (terminators.contains(word)) {
                    pendingTag = word;
                    pendingArgs = args;
                    return nodes;
                } else {
                    throw new TemplateException(name + " line " + line(open) + ": unsupported tag '{% " + tag
                            + " %}'; the template language has {% if %}, {% elif %}, {% else %} and {% endif %}");
                }
            }
            if (!terminators.isEmpty()) {
                throw new TemplateException(name + ": '{% if %}' is never closed with '{% endif %}'");
            }
            return nodes;
        }

        private If ifNode(String condition, int at) {
            List<Branch> branches = new ArrayList<>();
            List<Node> otherwise = List.of();
            Expression cond = parseCondition(condition, at);
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
