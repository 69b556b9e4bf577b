package dev.paceline.api.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The dashboard's view paths ({@code /}, {@code /fitness}, {@code /power}, {@code /zones}, {@code /90-day},
 * {@code /weekly}, {@code /activities}, {@code /activities/{id}}) all answer the one page, {@code index.html}; its
 * script picks the view from the path. The page is public: it holds no data, and the API key is sent only by the
 * page's script to {@code /api/v1}. Other static assets ({@code /app/…}, {@code /webjars/…}) are Quarkus' static
 * resources.
 */
@ApplicationScoped
public class DashboardRoutes {

    /** Every view path, with an optional trailing slash; an activity id is a Strava id (digits). */
    static final String VIEW_PATHS = "/(fitness|power|zones|90-day|weekly|activities|activities/[0-9]{1,19})?/?";

    /** No inline script or style, no other origin: the page talks to its own /api/v1 only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final byte[] page = readPage();

    void register(@Observes Router router) {
        // order -1: before the static handler, which would answer "/" with index.html but without these headers
        router.routeWithRegex(HttpMethod.GET, VIEW_PATHS).order(-1).handler(this::serve);
        router.routeWithRegex(HttpMethod.HEAD, VIEW_PATHS).order(-1).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        rc.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                // the page is tiny and changes with every release: always revalidate
                .putHeader("Cache-Control", "no-cache")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(rc.request().method() == HttpMethod.HEAD ? Buffer.buffer() : Buffer.buffer(page));
    }

    private static byte[] readPage() {
        try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream("META-INF/resources/index.html")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/resources/index.html is missing from the metrics-api jar: "
                        + "rebuild metrics-api (./mvnw -B -pl metrics-api -am package)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard page index.html", e);
        }
    }
}
