package dev.paceline.api.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.hamcrest.BaseMatcher;
import java.util.List;

/** RestAssured helpers: authenticated requests, doubles for JSON numbers, a strict CSV parser. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    static {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + Fixture.ADMIN_KEY);
    }

    public static RequestSpecification athleteOne() {
        return given().header("X-API-Key", Fixture.ATHLETE_1_KEY);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** A JSON number equal to {@code expected} whatever its Java type (1 and 1.0 alike); null matches null. */
    public static Matcher<Object> num(Double expected) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object item) {
                return expected == null ? item == null : item instanceof Number n && Double.parseDouble(n.toString()) == expected; // via text: JsonPath may hand out Floats
            }

            @Override
            public void describeTo(Description d) {
                d.appendValue(expected);
            }
        };
    }

    /** A list of JSON numbers equal to {@code expected}, in order (null entries match null). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Matcher<Iterable<?>> nums(Double... expected) {
        List<Matcher<? super Object>> ms = new ArrayList<>();
        for (Double e : expected) {
            ms.add(num(e));
        }
        return (Matcher) Matchers.contains(ms.toArray(new Matcher[0]));
    }

    /** RFC 4180 parsing: rows of fields (quoted fields may hold commas, quotes and line breaks). */
    public static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
