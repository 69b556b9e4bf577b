package dev.paceline.transform.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression of the template language, the readable subset of Jinja that models use: string, number, boolean and
 * list literals, names (a dotted name such as {@code loop.last} is one name), calls with positional and keyword
 * arguments, {@code not}, {@code and}, {@code or}, {@code ==}, {@code !=} and {@code ~} (text concatenation). Parsed once, evaluated against a {@link TemplateContext}; no reflection.
 */
public sealed interface Expression {

    Object evaluate(TemplateContext context);

    record Literal(Object value) implements Expression {
        @Override
        public Object evaluate(TemplateContext context) {
            return value;
        }
    }

    record Name(String name) implements Expression {
        @Override
        public Object evaluate(TemplateContext context) {
            return context.variable(name);
        }
    }

    record ListOf(List<Expression> items) implements Expression {
        @Override
        public Object evaluate(TemplateContext context) {
            List<Object> values = new ArrayList<>(items.size());
            for (Expression item : items) {
                values.add(item.evaluate(context));
            }
            return values;
        }
    }

    record Call(String function, List<Expression> args, Map<String, Expression> kwargs) implements Expression {
        @Override
        public Object evaluate(TemplateContext context) {
            List<Object> values = new ArrayList<>(args.size());
            for (Expression arg : args) {
                values.add(arg.evaluate(context));
            }
            Map<String, Object> named = new LinkedHashMap<>();
            kwargs.forEach((k, v) -> named.put(k, v.evaluate(context)));
            return context.call(function, values, named);
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public Object evaluate(TemplateContext context) {
            return !truthy(operand.evaluate(context));
        }
    }

    record Binary(String operator, Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(TemplateContext context) {
            return switch (operator) {
                case "and" -> truthy(left.evaluate(context)) && truthy(right.evaluate(context));
                case "or" -> truthy(left.evaluate(context)) || truthy(right.evaluate(context));
                case "==" -> java.util.Objects.equals(left.evaluate(context), right.evaluate(context));
                case "!=" -> !java.util.Objects.equals(left.evaluate(context), right.evaluate(context));
                case "~" -> text(left.evaluate(context)) + text(right.evaluate(context));
                default -> throw new IllegalStateException("operator " + operator);
            };
        }
    }

    /** A value as text for {@code ~}: none is empty, numbers and strings as written. */
    private static String text(Object value) {
        return value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    }

    /** Jinja truthiness: null, false, empty strings and empty lists are false. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    /** Parses {@code source}; errors name the position and what was expected. */
    static Expression parse(String source) {
        return new ExpressionParser(source).parseAll();
    }
}
