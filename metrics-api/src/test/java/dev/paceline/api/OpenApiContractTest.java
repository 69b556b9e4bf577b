package dev.paceline.api;

import static dev.paceline.api.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.api.support.Api;
import dev.paceline.api.support.SnapshotLakeResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The served /q/openapi is a valid OpenAPI document that passes the checks of Redocly's recommended rules we can
 * make, documents every endpoint, and every answer of the test snapshot conforms to its documented response schema
 * (each field documented with its type, format and nullability), as do the document's own examples.
 */
@QuarkusTest
@WithTestResource(SnapshotLakeResource.class)
class OpenApiContractTest {

    private static final List<String> ENDPOINTS = List.of("/api/v1/athletes", "/api/v1/athletes/{id}",
            "/api/v1/athletes/{id}/activities", "/api/v1/athletes/{id}/activities/{activityId}", "/api/v1/athletes/{id}/zones",
            "/api/v1/athletes/{id}/zone-times", "/api/v1/athletes/{id}/power-bests", "/api/v1/athletes/{id}/power-curve",
            "/api/v1/athletes/{id}/run-bests", "/api/v1/athletes/{id}/rolling", "/api/v1/athletes/{id}/weekly",
            "/api/v1/athletes/{id}/fitness", "/api/v1/builds/current");

    private static OpenAPI parsed(boolean resolveFully) {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        options.setResolveCombinators(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc, null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }

    @Test
    void theDocumentIsValidAndMeetsTheRecommendedLintRules() {
        OpenAPI api = parsed(false);
        assertThat(api.getOpenapi()).startsWith("3.0");
        assertThat(api.getInfo().getLicense()).as("info-license").isNotNull();
        assertThat(api.getServers()).as("no-empty-servers").isNotEmpty();
        assertThat(api.getServers()).allSatisfy(s -> assertThat(s.getUrl()).doesNotContain("example.com"));
        assertThat(api.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(ENDPOINTS);
        Set<String> schemes = api.getComponents().getSecuritySchemes().keySet();
        assertThat(schemes).containsExactlyInAnyOrder("bearer", "apiKey");
        assertThat(api.getSecurity()).as("security-defined").isNotEmpty()
                .allSatisfy(r -> assertThat(schemes).containsAll(r.keySet()));
        Set<String> tags = new HashSet<>();
        api.getTags().forEach(t -> tags.add(t.getName()));
        Set<String> operationIds = new HashSet<>();
        Pattern pathParam = Pattern.compile("\\{(\\w+)}");
        for (var e : api.getPaths().entrySet()) {
            assertThat(e.getValue().readOperations()).as("%s: GET only", e.getKey()).hasSize(1);
            Operation op = e.getValue().getGet();
            String where = e.getKey();
            assertThat(op.getOperationId()).as("%s operationId", where).matches("[a-z][A-Za-z]+");
            assertThat(operationIds.add(op.getOperationId())).as("%s operationId unique", where).isTrue();
            assertThat(op.getSummary()).as("%s summary", where).isNotBlank();
            assertThat(op.getTags()).as("%s tags", where).isNotEmpty().allSatisfy(t -> assertThat(tags).contains(t));
            assertThat(op.getResponses()).as("%s responses", where).containsKeys("200", "400", "401");
            Set<String> declared = new HashSet<>();
            for (Parameter p : op.getParameters()) {
                assertThat(p.getDescription()).as("%s parameter %s described", where, p.getName()).isNotBlank();
                assertThat(p.getSchema()).as("%s parameter %s schema", where, p.getName()).isNotNull();
                if ("path".equals(p.getIn())) {
                    declared.add(p.getName());
                    assertThat(p.getSchema().getType()).as("%s: ids are integers", where).isEqualTo("integer");
                    assertThat(p.getSchema().getFormat()).isEqualTo("int64");
                }
                if (List.of("from", "to", "date").contains(p.getName())) {
                    assertThat(p.getSchema().getFormat()).as("%s %s", where, p.getName()).isEqualTo("date");
                }
            }
            Matcher m = pathParam.matcher(where);
            Set<String> inPath = new HashSet<>();
            while (m.find()) {
                inPath.add(m.group(1));
            }
            assertThat(declared).as("%s path-parameters-defined", where).isEqualTo(inPath);
            for (var r : op.getResponses().entrySet()) {
                ApiResponse response = r.getValue().get$ref() == null ? r.getValue()
                        : api.getComponents().getResponses().get(r.getValue().get$ref().replace("#/components/responses/", ""));
                assertThat(response).as("%s %s resolves", where, r.getKey()).isNotNull();
                assertThat(response.getDescription()).as("%s %s description", where, r.getKey()).isNotBlank();
                if (r.getKey().equals("200")) {
                    Map<String, MediaType> content = response.getContent();
                    assertThat(content).as("%s 200", where).containsKeys("application/json", "text/csv");
                    assertThat(content.get("application/json").getSchema()).as("%s 200 JSON schema", where).isNotNull();
                    assertThat(content.get("application/json").getExamples()).as("%s 200 example", where).isNotEmpty();
                    assertThat(content.get("text/csv").getSchema()).as("%s CSV described", where).isNotNull();
                } else if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    assertThat(response.getContent()).as("%s %s problem", where, r.getKey())
                            .containsKey("application/problem+json");
                }
            }
        }
    }

    @Test
    void theDocumentsOwnExamplesConformToTheirSchemas() {
        OpenAPI api = parsed(true);
        int checked = 0;
        for (var e : api.getPaths().entrySet()) {
            MediaType json = e.getValue().getGet().getResponses().get("200").getContent().get("application/json");
            for (var ex : json.getExamples().entrySet()) {
                JsonNode value = Api.JSON.valueToTree(ex.getValue().getValue());
                assertThat(errors(value, json.getSchema(), e.getKey() + " example " + ex.getKey())).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(ENDPOINTS.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/athletes", "/api/v1/athletes/1", "/api/v1/athletes/3", "/api/v1/athletes/1/activities",
        "/api/v1/athletes/2/activities", "/api/v1/athletes/1/activities/102", "/api/v1/athletes/1/activities/103",
        "/api/v1/athletes/1/zones", "/api/v1/athletes/1/zone-times", "/api/v1/athletes/1/zone-times?type=power",
        "/api/v1/athletes/1/zone-times?type=pace&group=month", "/api/v1/athletes/1/zone-times?group=week",
        "/api/v1/athletes/1/power-bests", "/api/v1/athletes/1/power-curve?window=all", "/api/v1/athletes/1/run-bests",
        "/api/v1/athletes/1/rolling", "/api/v1/athletes/1/rolling?sport=other&from=2026-11-01",
        "/api/v1/athletes/1/weekly", "/api/v1/athletes/1/fitness", "/api/v1/builds/current"
    })
    void everyAnswerConformsToItsDocumentedSchema(String url) {
        OpenAPI api = parsed(true);
        String path = url.replaceAll("\\?.*", "").replaceAll("/athletes/\\d+", "/athletes/{id}")
                .replaceAll("/activities/\\d+", "/activities/{activityId}");
        Schema<?> schema = api.getPaths().get(path).getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema();
        JsonNode body = Api.json(admin().get(url).then().statusCode(200).extract().asString());
        assertThat(body.isEmpty()).as("%s answers something on the fixture", url).isFalse();
        assertThat(errors(body, schema, url)).isEmpty();
    }

    @Test
    void problemsConformToTheProblemSchema() {
        OpenAPI api = parsed(true);
        ApiResponse bad = api.getPaths().get("/api/v1/athletes/{id}/fitness").getGet().getResponses().get("400");
        JsonNode body = Api.json(admin().get("/api/v1/athletes/1/fitness?from=1800-01-01").then().statusCode(400)
                .extract().asString());
        assertThat(errors(body, bad.getContent().get("application/problem+json").getSchema(), "problem")).isEmpty();
    }

    /** Where {@code v} departs from {@code s}: types, date format, enums, required and undocumented fields, nulls. */
    static List<String> errors(JsonNode v, Schema<?> s, String at) {
        List<String> out = new ArrayList<>();
        check(v, s, at, out);
        return out;
    }

    private static void check(JsonNode v, Schema<?> s, String at, List<String> out) {
        if (v == null || v.isNull()) {
            if (!Boolean.TRUE.equals(s.getNullable())) {
                out.add(at + " is null but not nullable");
            }
            return;
        }
        String type = s.getType();
        if (type == null && s.getAllOf() != null && s.getAllOf().size() == 1) {
            check(v, s.getAllOf().get(0), at, out);
            return;
        }
        switch (String.valueOf(type)) {
            case "array" -> {
                if (!v.isArray()) {
                    out.add(at + " is not an array");
                    return;
                }
                for (int i = 0; i < v.size(); i++) {
                    check(v.get(i), s.getItems(), at + "[" + i + "]", out);
                }
            }
            case "object" -> {
                if (!v.isObject()) {
                    out.add(at + " is not an object");
                    return;
                }
                if (s.getRequired() != null) {
                    for (String r : s.getRequired()) {
                        if (!v.has(r)) {
                            out.add(at + " lacks required " + r);
                        }
                    }
                }
                for (Iterator<String> it = v.fieldNames(); it.hasNext();) {
                    String f = it.next();
                    Schema<?> p = s.getProperties() == null ? null : s.getProperties().get(f);
                    if (p == null && s.getAdditionalProperties() instanceof Schema<?> extra) {
                        p = extra;
                    }
                    if (p == null) {
                        out.add(at + "." + f + " is not documented");
                    } else {
                        check(v.get(f), p, at + "." + f, out);
                    }
                }
            }
            case "integer" -> {
                if (!v.isIntegralNumber()) {
                    out.add(at + " = " + v + " is not an integer");
                }
            }
            case "number" -> {
                if (!v.isNumber()) {
                    out.add(at + " = " + v + " is not a number");
                }
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    out.add(at + " = " + v + " is not a boolean");
                }
            }
            case "string" -> {
                if (!v.isTextual()) {
                    out.add(at + " = " + v + " is not a string");
                    return;
                }
                if ("date".equals(s.getFormat())) {
                    try {
                        LocalDate.parse(v.asText());
                    } catch (RuntimeException e) {
                        out.add(at + " = " + v + " is not a date");
                    }
                }
                if (s.getEnum() != null && !s.getEnum().contains(v.asText())) {
                    out.add(at + " = " + v + " is not one of " + s.getEnum());
                }
            }
            default -> out.add(at + ": schema without a type (" + s + ")");
        }
    }
}
