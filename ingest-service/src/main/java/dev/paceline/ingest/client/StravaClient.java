package dev.paceline.ingest.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.config.IngestConfig;
import dev.paceline.ingest.config.StravaConfig;
import dev.paceline.ingest.governor.BudgetExhaustedException;
import dev.paceline.ingest.governor.RateGovernor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Every Strava call goes through here: the rate governor before and after, classification of the answer, retry
 * with backoff on 5xx/timeouts/connection errors and 429 (after the governor's wait), never on other 4xx, and a
 * circuit breaker that only counts transient failures. 404 is an answer, not a failure (inside the breaker).
 */
@ApplicationScoped
@Retry(maxRetries = 4, delay = 500, jitter = 250, maxDuration = 0,
        retryOn = {StravaException.Transient.class, StravaException.RateLimited.class},
        abortOn = {BudgetExhaustedException.class, StravaException.Refused.class, StravaException.Unauthorized.class,
                StravaException.ApplicationInactive.class})
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = java.time.temporal.ChronoUnit.SECONDS,
        failOn = StravaException.Transient.class)
public class StravaClient {

    /** The 11 stream keys ingest always asks for. */
    public static final String STREAM_KEYS =
            "time,distance,latlng,altitude,velocity_smooth,heartrate,cadence,watts,temp,moving,grade_smooth";
    /** Strava's maximum page size for activity lists. */
    public static final int PAGE_SIZE = 200;

    private static final Logger LOG = Logger.getLogger(StravaClient.class);

    private final StravaApiRestClient api;
    private final StravaOAuthRestClient oauth;
    private final RateGovernor governor;
    private final StravaConfig config;
    private final Duration defaultMaxWait;
    private final ThreadLocal<Duration> maxWait = new ThreadLocal<>();
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public StravaClient(StravaConfig config, IngestConfig ingest, RateGovernor governor, ObjectMapper json,
            MeterRegistry metrics) {
        this.config = config;
        this.governor = governor;
        this.json = json;
        this.metrics = metrics;
        this.defaultMaxWait = ingest.jobMode() ? ingest.jobMaxWait() : null;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.apiUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(StravaApiRestClient.class);
        this.oauth = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.oauthUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(StravaOAuthRestClient.class);
    }

    /**
     * Runs {@code work} on this thread with a limit on how long a request may wait for the rate budget (job runs:
     * {@link BudgetExhaustedException} instead of a longer wait).
     */
    public <T> T withMaxWait(Duration limit, Supplier<T> work) {
        Duration previous = maxWait.get();
        maxWait.set(limit);
        try {
            return work.get();
        } finally {
            maxWait.set(previous);
        }
    }

    /** Waits until the rate budget allows a request (same limit on the wait as the request itself). */
    public void awaitBudget() {
        Duration wait = maxWait.get();
        try {
            governor.awaitAvailable(wait != null ? wait : defaultMaxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StravaException.Transient(0, "interrupted while waiting for the rate budget", e);
        }
    }

    public StravaResponse athlete(String accessToken) {
        return read("GET /athlete", () -> api.athlete(bearer(accessToken)));
    }

    public StravaResponse zones(String accessToken) {
        return read("GET /athlete/zones", () -> api.zones(bearer(accessToken)));
    }

    /** One page of SummaryActivity; {@code before}/{@code after} epoch seconds or null. */
    public StravaResponse activities(String accessToken, Long before, Long after, int page) {
        String source = "GET /athlete/activities?" + (before == null ? "" : "before=" + before + "&")
                + (after == null ? "" : "after=" + after + "&") + "page=" + page + "&per_page=" + PAGE_SIZE;
        return read(source, () -> api.activities(bearer(accessToken), before, after, page, PAGE_SIZE));
    }

    public StravaResponse activity(String accessToken, long id) {
        return read("GET /activities/" + id, () -> api.activity(bearer(accessToken), id));
    }

    public StravaResponse streams(String accessToken, long id) {
        return read("GET /activities/" + id + "/streams", () -> api.streams(bearer(accessToken), id, STREAM_KEYS, true));
    }

    /** POST /oauth/token with grant_type=refresh_token. */
    public TokenResponse refresh(String refreshToken) {
        return token("refresh_token", null, refreshToken);
    }

    /** POST /oauth/token with grant_type=authorization_code. */
    public TokenResponse exchange(String code) {
        return token("authorization_code", code, null);
    }

    public StravaResponse listSubscriptions() {
        return read("GET /push_subscriptions", () -> api.listSubscriptions(clientId(), clientSecret()));
    }

    public StravaResponse createSubscription(String callbackUrl, String verifyToken) {
        return read("POST /push_subscriptions", () -> api.createSubscription(clientId(), clientSecret(), callbackUrl, verifyToken));
    }

    public StravaResponse deleteSubscription(long id) {
        return read("DELETE /push_subscriptions/" + id, () -> api.deleteSubscription(id, clientId(), clientSecret()));
    }

    public String clientId() {
        return config.clientId().filter(s -> !s.isBlank()).orElseThrow(() -> new StravaException.Refused(0,
                "STRAVA_CLIENT_ID is not set: set it (and STRAVA_CLIENT_SECRET) to your Strava app's credentials from"
                        + " https://www.strava.com/settings/api (docs/ingest.md §Connect Strava)"));
    }

    private String clientSecret() {
        return config.clientSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new StravaException.Refused(0,
                "STRAVA_CLIENT_SECRET is not set: set it to your Strava app's client secret from"
                        + " https://www.strava.com/settings/api (docs/ingest.md §Connect Strava)"));
    }

    private TokenResponse token(String grant, String code, String refreshToken) {
        String source = "POST /oauth/token (" + grant + ")";
        String id = clientId();
        String secret = clientSecret();
        Response response;
        try {
            response = code != null ? oauth.exchange(id, secret, grant, code) : oauth.refresh(id, secret, grant, refreshToken);
        } catch (ProcessingException e) {
            count(source, 0);
            throw new StravaException.Transient(0, source + " failed: " + rootMessage(e) + " (is "
                    + config.oauthUrl() + " reachable?)", e);
        }
        try (response) {
            int status = response.getStatus();
            byte[] body = body(response);
            governor.observe(status, headers(response));
            count(source, status);
            if (status == 200) {
                try {
                    TokenResponse token = json.readValue(body, TokenResponse.class);
                    if (token.accessToken() == null || token.refreshToken() == null) {
                        throw new StravaException.Refused(status, source + " answered without access_token/refresh_token");
                    }
                    return token;
                } catch (IOException e) {
                    throw new StravaException.Transient(status, source + " answered malformed JSON: " + e.getMessage(), e);
                }
            }
            if (status >= 500) {
                throw new StravaException.Transient(status, source + " answered " + status + ": Strava is failing; retried", null);
            }
            if (status == 429) {
                throw new StravaException.RateLimited(source + " answered 429");
            }
            throw new StravaException.Refused(status, source + " was refused with " + status + " "
                    + errorSummary(body) + ": " + ("refresh_token".equals(grant)
                    ? "the refresh token is invalid or revoked; reconnect the athlete (GET /oauth/connect) or set a fresh"
                            + " STRAVA_REFRESH_TOKEN"
                    : "the authorization code is invalid or was used already; start again at GET /oauth/connect")
                    + (status == 401 ? " (also check STRAVA_CLIENT_ID/STRAVA_CLIENT_SECRET)" : ""));
        }
    }

    private StravaResponse read(String source, Supplier<Response> call) {
        try {
            Duration wait = maxWait.get();
            governor.acquire(wait != null ? wait : defaultMaxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StravaException.Transient(0, source + " interrupted while waiting for the rate budget", e);
        }
        Response response;
        try {
            response = call.get();
        } catch (ProcessingException e) {
            count(source, 0);
            throw new StravaException.Transient(0, source + " failed: " + rootMessage(e), e);
        }
        try (response) {
            int status = response.getStatus();
            governor.observe(status, headers(response));
            byte[] body = body(response);
            count(source, status);
            if (status >= 200 && status < 300) {
                return new StravaResponse(status, body, source);
            }
            if (status == 404) {
                return new StravaResponse(404, new byte[0], source);
            }
            if (status == 429) {
                LOG.warnf("%s answered 429 (rate limit exceeded): waiting for the next window", source);
                throw new StravaException.RateLimited(source + " answered 429: Strava's rate limit was exceeded");
            }
            if (status >= 500) {
                throw new StravaException.Transient(status, source + " answered " + status + ": Strava is failing", null);
            }
            String errors = errorSummary(body);
            if (status == 401) {
                throw new StravaException.Unauthorized(source + " answered 401 " + errors);
            }
            if (status == 403 && errors.contains("Inactive")) {
                throw new StravaException.ApplicationInactive(source + " answered 403 Application Inactive: Strava"
                        + " disabled this app because its owner has no active Strava subscription (standard tier, since"
                        + " mid-2026). The app owner must renew the subscription or move the app to a paid tier at"
                        + " https://www.strava.com/settings/api; nothing is retried until then");
            }
            throw new StravaException.Refused(status, source + " was refused with " + status + " " + errors
                    + (status == 403 ? ": the athlete did not grant the scope this call needs; reconnect with"
                            + " activity:read_all,profile:read_all (GET /oauth/connect)" : ""));
        }
    }

    private void count(String source, int status) {
        metrics.counter("paceline.strava.requests", "endpoint", endpoint(source), "status", String.valueOf(status)).increment();
    }

    /** Low-cardinality endpoint tag: ids replaced by {id}, query dropped. */
    static String endpoint(String source) {
        String s = source.contains("?") ? source.substring(0, source.indexOf('?')) : source;
        s = s.replaceAll(" \\(.*\\)$", "");
        return s.replaceAll("/\\d+", "/{id}");
    }

    private String errorSummary(byte[] body) {
        if (body.length == 0) {
            return "(empty body)";
        }
        try {
            JsonNode node = json.readTree(body);
            return node == null ? "(empty body)" : node.toString();
        } catch (IOException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }

    private static byte[] body(Response response) {
        if (!response.hasEntity()) {
            return new byte[0];
        }
        byte[] bytes = response.readEntity(byte[].class);
        return bytes == null ? new byte[0] : bytes;
    }

    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : response.getStringHeaders().entrySet()) {
            if (e.getKey() != null && !e.getValue().isEmpty()) {
                headers.put(e.getKey(), e.getValue().get(0));
            }
        }
        return headers;
    }

    private static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
