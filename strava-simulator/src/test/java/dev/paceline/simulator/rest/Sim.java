package dev.paceline.simulator.rest;

import io.restassured.http.ContentType;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** Test helpers: reset the simulator, obtain tokens through the real OAuth flow, drive the admin API. */
final class Sim {

    static final String CLIENT_ID = "paceline-local";
    static final String SECRET = "paceline-local-secret";
    static final String ALL_SCOPES = "read,activity:read_all,profile:read_all";

    private Sim() {
    }

    static void reset() {
        given().when().post("/admin/reset").then().statusCode(204);
    }

    /** An access token for the given scopes, through authorize + code exchange. */
    static String token(String scopes) {
        String code = code(scopes);
        return given().formParam("client_id", CLIENT_ID).formParam("client_secret", SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .when().post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    static String token() {
        return token(ALL_SCOPES);
    }

    static String code(String scopes) {
        String location = given().redirects().follow(false)
                .queryParam("client_id", CLIENT_ID).queryParam("redirect_uri", "http://localhost/exchange")
                .queryParam("response_type", "code").queryParam("scope", scopes)
                .when().get("/oauth/authorize").then().statusCode(302).extract().header("Location");
        return query(location).get("code");
    }

    static Map<String, String> query(String location) {
        String q = URI.create(location).getRawQuery();
        return java.util.Arrays.stream(q.split("&")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> java.net.URLDecoder.decode(kv[1],
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    static void clock(String isoInstant) {
        given().contentType(ContentType.JSON).body("{\"now\":\"" + isoInstant + "\"}")
                .when().put("/admin/clock").then().statusCode(200);
    }

    static void advance(long seconds) {
        given().contentType(ContentType.JSON).body("{\"seconds\":" + seconds + "}")
                .when().post("/admin/clock/advance").then().statusCode(200);
    }

    static void fault(String path, String kind, int count) {
        given().contentType(ContentType.JSON)
                .body("{\"path\":\"" + path + "\",\"kind\":\"" + kind + "\",\"count\":" + count + "}")
                .when().post("/admin/faults").then().statusCode(201);
    }
}
