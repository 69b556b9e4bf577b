package dev.paceline.api;

import static dev.paceline.api.support.Api.admin;
import static dev.paceline.api.support.Api.num;
import static dev.paceline.api.support.Api.nums;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.paceline.api.snapshot.MartCache;
import dev.paceline.api.snapshot.SnapshotService;
import dev.paceline.api.support.Fixture;
import dev.paceline.api.support.SmallCacheLakeResource;
import dev.paceline.platform.lake.FileLake;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** ETag/304, build swaps under load, lake outages and LRU eviction, on a lake the test publishes builds into. */
@QuarkusTest
@WithTestResource(SmallCacheLakeResource.class)
class SnapshotLifecycleTest {

    private static final AtomicInteger BUILDS = new AtomicInteger();

    @Inject
    SnapshotService snapshot;

    @Inject
    MartCache cache;

    @ConfigProperty(name = "paceline.lake.uri")
    String lakeUri;

    /** Publishes a new build (with or without the extra ride) under a fresh id and swaps to it. */
    private String publish(boolean extraRide) {
        String id = "20261128T" + String.format("%06d", 110000 + BUILDS.incrementAndGet()) + "Z-t";
        Fixture.build(id, extraRide).publish(new FileLake(Path.of(lakeUri)));
        assertThat(snapshot.poll()).isTrue();
        assertThat(snapshot.current().id()).isEqualTo(id);
        return id;
    }

    @Test
    void etagIsTheBuildIdAndIfNoneMatchGives304() {
        String id = publish(false);
        String etag = "\"" + id + "\"";
        admin().get("/api/v1/athletes/1/fitness").then().statusCode(200).header("ETag", etag)
                .header("Paceline-As-Of", "2026-11-27T10:15:00Z");
        admin().header("If-None-Match", etag).get("/api/v1/athletes/1/fitness").then().statusCode(304)
                .header("ETag", etag).body(equalTo(""));
        admin().header("If-None-Match", "W/" + etag).get("/api/v1/athletes/1/zone-times").then().statusCode(304);
        admin().header("If-None-Match", "\"other\", " + etag).get("/api/v1/athletes/1/rolling").then().statusCode(304);
        admin().header("If-None-Match", "\"20250101T000000Z-old\"").get("/api/v1/athletes/1/fitness").then().statusCode(200);
        // validation and scoping come before the 304
        given().header("If-None-Match", etag).get("/api/v1/athletes/1/fitness").then().statusCode(401);
    }

    @Test
    void swapIsAtomicForConcurrentRequests() throws Exception {
        String before = publish(false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger oldSeen = new AtomicInteger();
        AtomicInteger newSeen = new AtomicInteger();
        List<Future<int[]>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                int[] seen = new int[2];
                while (!stop.get()) {
                    Response r = admin().get("/api/v1/athletes/1/activities");
                    assertThat(r.statusCode()).isEqualTo(200);
                    int count = r.jsonPath().getList("activity_id").size();
                    String etag = r.header("ETag");
                    // each answer comes from exactly one build: 4 activities in the old build, 5 in the new one
                    if (etag.equals("\"" + before + "\"")) {
                        assertThat(count).isEqualTo(4);
                        seen[0]++;
                        oldSeen.incrementAndGet();
                    } else {
                        assertThat(count).isEqualTo(5);
                        seen[1]++;
                        newSeen.incrementAndGet();
                    }
                }
                return seen;
            }));
        }
        awaitPositive(oldSeen); // on a busy machine a fixed sleep may not cover one request
        Thread.sleep(100);
        String after = publish(true);
        awaitPositive(newSeen);
        Thread.sleep(100);
        stop.set(true);
        int oldAnswers = 0;
        int newAnswers = 0;
        for (Future<int[]> f : workers) {
            int[] s = f.get(30, TimeUnit.SECONDS);
            oldAnswers += s[0];
            newAnswers += s[1];
        }
        pool.shutdown();
        assertThat(oldAnswers).isPositive();
        assertThat(newAnswers).isPositive();
        admin().get("/api/v1/builds/current").then().body("build_id", equalTo(after))
                .body("as_of", equalTo("2026-11-28T09:00:00Z"));
        admin().get("/api/v1/athletes/1/activities/105").then().statusCode(200).body("tss", num(211.7));
        admin().queryParam("durations", "5m").get("/api/v1/athletes/1/power-bests").then()
                .body("watts", nums(310.0)).body("activity_id", nums(105.0));
    }

    private static void awaitPositive(AtomicInteger n) throws InterruptedException {
        for (int i = 0; i < 600 && n.get() == 0; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void lakeOutageKeepsServingTheLoadedBuild() throws IOException {
        String id = publish(false);
        admin().get("/api/v1/athletes/1/fitness").then().statusCode(200);
        Path root = Path.of(lakeUri);
        Path away = root.resolveSibling(root.getFileName() + "-away");
        Files.move(root, away);
        try {
            assertThat(snapshot.poll()).isFalse();
            assertThat(snapshot.lastPoll().ok()).isFalse();
            // still serving the build it has, from the partitions in memory
            admin().get("/api/v1/builds/current").then().statusCode(200).body("build_id", equalTo(id));
            admin().get("/api/v1/athletes/1/fitness?from=2026-11-02").then().statusCode(200)
                    .header("ETag", "\"" + id + "\"").body("", hasSize(26));
            cache.clear();
            admin().get("/api/v1/athletes/2/fitness").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "30");
            given().get("/q/health/ready").then().statusCode(200).body("checks[0].data.last_poll_ok", equalTo(false));
        } finally {
            if (Files.exists(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.move(away, root);
        }
        assertThat(snapshot.poll()).isFalse(); // same build: nothing to swap
        assertThat(snapshot.lastPoll().ok()).isTrue();
        admin().get("/api/v1/athletes/2/fitness").then().statusCode(200).body("date", hasSize(1));
    }

    @Test
    void lruEvictsUnderTheMemoryBudgetAndReloadsOnDemand() {
        publish(false);
        cache.clear();
        long evictionsBefore = cache.stats().evictions();
        for (int round = 0; round < 2; round++) {
            admin().get("/api/v1/athletes/1/rolling?from=2026-11-01").then().statusCode(200).body("", hasSize(27));
            admin().get("/api/v1/athletes/1/fitness").then().statusCode(200).body("", hasSize(27));
            admin().get("/api/v1/athletes/1/zone-times?group=week").then().statusCode(200).body("total_s", nums(4800.0, 2400.0, 2700.0));
            admin().get("/api/v1/athletes/2/activities").then().statusCode(200).body("activity_id", nums(201.0));
            admin().get("/api/v1/athletes/1/power-bests?durations=15s").then().statusCode(200).body("watts", nums(520.0));
            MartCache.Stats s = cache.stats();
            assertThat(s.maxBytes()).isEqualTo(SmallCacheLakeResource.BUDGET);
            // at most one partition (the one in use) may push the total over the budget
            assertThat(s.bytes()).isLessThanOrEqualTo(SmallCacheLakeResource.BUDGET + 12_000);
        }
        assertThat(cache.stats().evictions()).isGreaterThan(evictionsBefore);
    }
}
