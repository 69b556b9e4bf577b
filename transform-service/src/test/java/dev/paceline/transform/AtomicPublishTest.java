package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.json.Json;
import dev.paceline.platform.layout.LakeLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader polling serving/CURRENT while builds publish only ever sees complete builds. */
class AtomicPublishTest {

    @TempDir
    Path dir;

    @Test
    void readersOnlySeeCompleteBuildsAndOldBuildsArePrunedUnlessReused() throws Exception {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            Set<String> seen = java.util.Collections.synchronizedSet(new TreeSet<>());
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    Optional<byte[]> current = h.lake.get(LakeLayout.SERVING_CURRENT);
                    if (current.isEmpty()) {
                        continue;
                    }
                    String build = new String(current.get(), StandardCharsets.UTF_8);
                    Optional<byte[]> manifestBytes = h.lake.get(LakeLayout.buildManifest(build));
                    if (manifestBytes.isEmpty()) {
                        problems.add("CURRENT names " + build + " whose manifest is missing");
                        continue;
                    }
                    ServingManifest manifest = Json.read(manifestBytes.get(), ServingManifest.class);
                    manifest.athletes().forEach((athlete, parts) -> parts.partitions().forEach((mart, p) -> {
                        Optional<byte[]> bytes = h.lake.get(p.path());
                        if (bytes.isEmpty()) {
                            problems.add(build + ": partition " + p.path() + " missing");
                        } else if (!sha256(bytes.get()).equals(p.sha256())) {
                            problems.add(build + ": partition " + p.path() + " checksum differs");
                        }
                    }));
                    seen.add(build);
                    reads.incrementAndGet();
                }
            });
            reader.start();
            List<String> builds = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    long athlete = 1 + i % 2;
                    h.fixture.putActivity(athlete, 100 + i, "{\"id\":" + (100 + i) + ",\"sport_type\":\"Run\",\"distance\":"
                            + (1000 * (i + 1)) + ",\"start_date_local\":\"2026-11-2" + i + "T08:00:00Z\"}").manifest();
                    RunReport r = h.run();
                    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo("succeeded");
                    builds.add(r.buildId());
                }
            } finally {
                stop.set(true);
                reader.join();
            }
            assertThat(problems).isEmpty();
            assertThat(reads.get()).isPositive();
            assertThat(seen).isSubsetOf(builds);

            // keep-builds = 3: builds 2..4 stay; build 1 too, because build 2 (kept) reuses its partition of athlete 2;
            // build 0 is referenced by no kept build and goes.
            ServingManifest live = Json.read(h.lake.get(LakeLayout.buildManifest(builds.get(4))).orElseThrow(), ServingManifest.class);
            assertThat(live.athletes().get("1").builtIn()).isEqualTo(builds.get(4));
            assertThat(live.athletes().get("2").builtIn()).isEqualTo(builds.get(3));
            assertThat(live.athletes().get("1").partitions().get("fct_athlete_summary").rows()).isEqualTo(1);
            assertThat(h.lake.stat(LakeLayout.buildManifest(builds.get(0)))).isEmpty();
            assertThat(h.lake.stat(LakeLayout.buildManifest(builds.get(1)))).isPresent();
            assertThat(h.lake.stat(LakeLayout.buildManifest(builds.get(2)))).isPresent();
            assertThat(h.lake.listAll(LakeLayout.buildPrefix(builds.get(0)))).isEmpty();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
