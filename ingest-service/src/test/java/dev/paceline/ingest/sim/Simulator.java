package dev.paceline.ingest.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The simulator's admin API, for tests. */
public final class Simulator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    public Simulator(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Instant now() {
        return Instant.parse(call("GET", "/admin/clock", null).path("now").asText());
    }

    public void setClock(Instant at) {
        call("PUT", "/admin/clock", "{\"now\":\"" + at + "\",\"frozen\":true}");
    }

    public void advance(Duration d) {
        call("POST", "/admin/clock/advance", "{\"seconds\":" + d.toSeconds() + "}");
    }

    public void fault(String path, String kind, int count) {
        call("POST", "/admin/faults", "{\"path\":\"" + path + "\",\"kind\":\"" + kind + "\",\"count\":" + count + "}");
    }

    public void clearFaults() {
        call("DELETE", "/admin/faults", null);
    }

    public JsonNode counters() {
        return call("GET", "/admin/counters", null);
    }

    public void resetCounters() {
        call("DELETE", "/admin/counters", null);
    }

    public void limits(String json) {
        call("PUT", "/admin/rate-limits", json);
    }

    public void application(boolean active) {
        call("PUT", "/admin/application", "{\"active\":" + active + "}");
    }

    public JsonNode createActivity(String json) {
        return call("POST", "/admin/activities", json);
    }

    public JsonNode updateActivity(long id, String json) {
        return call("PUT", "/admin/activities/" + id, json);
    }

    public void deleteActivity(long id) {
        call("DELETE", "/admin/activities/" + id, null);
    }

    public JsonNode webhooks() {
        return call("GET", "/admin/webhooks", null);
    }

    /** POST /oauth/deauthorize with an athlete's access token (sends the deauthorization event). */
    public void deauthorize(String accessToken) {
        call("POST", "/oauth/deauthorize?access_token=" + accessToken, "");
    }

    public JsonNode call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
