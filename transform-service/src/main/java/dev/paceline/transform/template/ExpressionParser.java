package dev.paceline.transform.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser of {@link Expression}s. */
final class ExpressionParser {

    private final String src;
    private int pos;

    ExpressionParser(String src) {
        this.src = src;
    }

    Expression parseAll() {
        Expression e = parseOr();
        skipSpace();
        if (pos < src.length()) {
            throw error("unexpected '" + src.substring(pos) + "'");
        }
        return e;
    }

    private Expression parseOr() {
        Expression left = parseAnd();
        while (keyword("or")) {
            left = new Expression.Binary("or", left, parseAnd());
        }
        return left;
    }

    private Expression parseAnd() {
        Expression left = parseNot();
        while (keyword("and")) {
            left = new Expression.Binary("and", left, parseNot());
        }
        return left;
    }

    private Expression parseNot() {
        if (keyword("not")) {
            return new Expression.Not(parseNot());
        }
        return parseComparison();
    }

    private Expression parseComparison() {
        Expression left = parseConcat();
        skipSpace();
        if (src.startsWith("==", pos)) {
            pos += 2;
            return new Expression.Binary("==", left, parseConcat());
        }
        if (src.startsWith("!=", pos)) {
            pos += 2;
            return new Expression.Binary("!=", left, parseConcat());
        }
        return left;
    }

    /** {@code a ~ b ~ …}: text concatenation, as in Jinja. */
    private Expression parseConcat() {
        Expression left = parsePrimary();
        while (accept('~')) {
            left = new Expression.Binary("~", left, parsePrimary());
        }
        return left;
    }

    private Expression parsePrimary() {
        skipSpace();
        if (pos >= src.length()) {
            throw error("expected a value but the expression ended");
        }
        char c = src.charAt(pos);
        if (c == '\'' || c == '"') {
            return new Expression.Literal(string(c));
        }
        if (c == '(') {
            pos++;
            Expression e = parseOr();
            expect(')');
            return e;
        }
        if (c == '[') {
            pos++;
            List<Expression> items = new ArrayList<>();
            skipSpace();
            if (!peek(']')) {
                do {
                    items.add(parseOr());
                } while (accept(','));
            }
            expect(']');
            return new Expression.ListOf(items);
        }
        if (Character.isDigit(c) || c == '-') {
            int start = pos++;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                pos++;
            }
            String n = src.substring(start, pos);
            return new Expression.Literal(n.contains(".") ? (Object) new BigDecimal(n) : (Object) Long.parseLong(n));
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            switch (name) {
                case "true", "True" -> {
                    return new Expression.Literal(Boolean.TRUE);
                }
                case "false", "False" -> {
                    return new Expression.Literal(Boolean.FALSE);
                }
                case "none", "None" -> {
                    return new Expression.Literal(null);
                }
                default -> {
                }
            }
            skipSpace();
            if (peek('(')) {
                pos++;
                List<Expression> args = new ArrayList<>();
                Map<String, Expression> kwargs = new LinkedHashMap<>();
                skipSpace();
                if (!peek(')')) {
                    do {
                        skipSpace();
                        int save = pos;
                        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
                            String key = identifier();
                            skipSpace();
                            if (peek('=') && !src.startsWith("==", pos)) {
                                pos++;
                                kwargs.put(key, parseOr());
                                continue;
                            }
                            pos = save;
                        }
                        if (!kwargs.isEmpty()) {
                            throw error("a positional argument follows a keyword argument in " + name + "(…)");
                        }
                        args.add(parseOr());
                    } while (accept(','));
                }
                expect(')');
                return new Expression.Call(name, args, kwargs);
            }
            return new Expression.Name(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                char n = src.charAt(pos++);
                out.append(n == 'n' ? '\n' : n);
            } else if (c == quote) {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string");
    }

    private String identifier() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == '.')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private boolean keyword(String word) {
        skipSpace();
        if (src.startsWith(word, pos)) {
            int end = pos + word.length();
            if (end == src.length() || !(Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_')) {
                pos = end;
                return true;
            }
        }
        return false;
    }

    private boolean accept(char c) {
        skipSpace();
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private TemplateException error(String what) {
        return new TemplateException("cannot parse expression '" + src.trim() + "' at column " + (pos + 1) + ": " + what);
    }
}
