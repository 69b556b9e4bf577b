package dev.paceline.platform.lake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link Lake} adapter guarantees. Subclasses provide a fresh, empty lake per test; adapters whose
 * test double keeps no generations (GCS's LocalStorageHelper) answer false to {@link #keepsGenerations()}, which
 * skips only the generation-match tests.
 */
abstract class LakeContract {

    /** A fresh, empty lake. Called once per test. */
    protected abstract Lake lake();

    /** Whether the store under test reports generations. */
    protected boolean keepsGenerations() {
        return true;
    }

    /** Whether the store under test computes content hashes on its side (stat reports them). */
    protected boolean keepsContentHashes() {
        return true;
    }

    /** Whether the store under test honours page sizes and page tokens. */
    protected boolean pagesListings() {
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void putThenGetAndStat() {
        Lake lake = lake();
        Instant before = Instant.now().minus(5, ChronoUnit.SECONDS);
        ObjectInfo written = lake.put("raw/strava/athlete_id=1/activities/10.json", bytes("{\"id\":10}"));
        assertThat(written.path()).isEqualTo("raw/strava/athlete_id=1/activities/10.json");
        assertThat(written.size()).isEqualTo(9);
        assertThat(written.contentHash()).isNotBlank();
        assertThat(lake.get("raw/strava/athlete_id=1/activities/10.json")).hasValueSatisfying(
                b -> assertThat(new String(b, UTF_8)).isEqualTo("{\"id\":10}"));
        ObjectInfo stat = lake.stat("raw/strava/athlete_id=1/activities/10.json").orElseThrow();
        if (keepsContentHashes()) {
            assertThat(stat).isEqualTo(written);
        } else {
            assertThat(stat).usingRecursiveComparison().ignoringFields("contentHash").isEqualTo(written);
        }
        assertThat(stat.updated()).isAfter(before).isBefore(Instant.now().plus(5, ChronoUnit.SECONDS));
    }

    @Test
    void missingObjectsAreEmpty() {
        Lake lake = lake();
        assertThat(lake.get("nope/x.json")).isEmpty();
        assertThat(lake.stat("nope/x.json")).isEmpty();
        assertThat(lake.delete("nope/x.json")).isFalse();
        assertThat(lake.list("nope/", null, 10).objects()).isEmpty();
    }

    @Test
    void equalContentHasEqualHashAndOverwriteReplaces() {
        Lake lake = lake();
        ObjectInfo a = lake.put("a.json", bytes("same"));
        ObjectInfo b = lake.put("b.json", bytes("same"));
        assertThat(a.contentHash()).isEqualTo(b.contentHash());
        ObjectInfo a2 = lake.put("a.json", bytes("different!"));
        assertThat(a2.contentHash()).isNotEqualTo(a.contentHash());
        assertThat(a2.size()).isEqualTo(10);
        assertThat(new String(lake.get("a.json").orElseThrow(), UTF_8)).isEqualTo("different!");
    }

    @Test
    void ifAbsentWritesOnceThenFails() {
        Lake lake = lake();
        lake.put("state/lock.json", bytes("first"), PutCondition.ifAbsent());
        assertThatThrownBy(() -> lake.put("state/lock.json", bytes("second"), PutCondition.ifAbsent()))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("state/lock.json");
        assertThat(new String(lake.get("state/lock.json").orElseThrow(), UTF_8)).isEqualTo("first");
        lake.delete("state/lock.json");
        lake.put("state/lock.json", bytes("third"), PutCondition.ifAbsent());
        assertThat(new String(lake.get("state/lock.json").orElseThrow(), UTF_8)).isEqualTo("third");
    }

    @Test
    void generationsIncreaseOnEveryWrite() {
        assumeTrue(keepsGenerations(), "this store's test double keeps no generations");
        Lake lake = lake();
        long g1 = lake.put("x.json", bytes("1")).generation();
        long g2 = lake.put("x.json", bytes("2")).generation();
        long g3 = lake.put("x.json", bytes("2")).generation();
        assertThat(g1).isPositive();
        assertThat(g2).isGreaterThan(g1);
        assertThat(g3).isGreaterThan(g2);
        assertThat(lake.stat("x.json").orElseThrow().generation()).isEqualTo(g3);
        lake.delete("x.json");
        assertThat(lake.put("x.json", bytes("again")).generation()).as("re-created after delete").isGreaterThan(g3);
    }

    @Test
    void ifGenerationMatchesWinsOnlyWithTheCurrentGeneration() {
        assumeTrue(keepsGenerations(), "this store's test double keeps no generations");
        Lake lake = lake();
        long g1 = lake.put("state/cursor.json", bytes("v1")).generation();
        long g2 = lake.put("state/cursor.json", bytes("v2"), PutCondition.ifGenerationMatches(g1)).generation();
        assertThatThrownBy(() -> lake.put("state/cursor.json", bytes("stale"), PutCondition.ifGenerationMatches(g1)))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("state/cursor.json");
        assertThat(new String(lake.get("state/cursor.json").orElseThrow(), UTF_8)).isEqualTo("v2");
        assertThat(lake.stat("state/cursor.json").orElseThrow().generation()).isEqualTo(g2);
        assertThatThrownBy(() -> lake.put("state/absent.json", bytes("x"), PutCondition.ifGenerationMatches(g2)))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(lake.get("state/absent.json")).isEmpty();
        lake.put("state/absent.json", bytes("x"), PutCondition.ifGenerationMatches(0));
        assertThat(lake.get("state/absent.json")).isPresent();
    }

    @Test
    void listIsSortedAndFilteredByPrefix() {
        Lake lake = lake();
        for (String p : List.of("a/b/2.json", "a/b/1.json", "a/b-c.json", "a/bc/1.json", "a/b/sub/3.json", "z.json", "a.json")) {
            lake.put(p, bytes(p));
        }
        assertThat(paths(lake.listAll(""))).containsExactly(
                "a.json", "a/b-c.json", "a/b/1.json", "a/b/2.json", "a/b/sub/3.json", "a/bc/1.json", "z.json");
        assertThat(paths(lake.listAll("a/b/"))).containsExactly("a/b/1.json", "a/b/2.json", "a/b/sub/3.json");
        assertThat(paths(lake.listAll("a/b"))).containsExactly(
                "a/b-c.json", "a/b/1.json", "a/b/2.json", "a/b/sub/3.json", "a/bc/1.json");
        ObjectInfo listed = lake.listAll("a/b/1").get(0);
        assertThat(listed).isEqualTo(lake.stat("a/b/1.json").orElseThrow());
        assertThat(listed.size()).isEqualTo("a/b/1.json".length());
    }

    @Test
    void listIsPaged() {
        assumeTrue(pagesListings(), "this store's test double does not page listings");
        Lake lake = lake();
        for (String p : List.of("a/b/2.json", "a/b/1.json", "a/b-c.json", "a/bc/1.json", "a/b/sub/3.json", "z.json", "a.json")) {
            lake.put(p, bytes(p));
        }

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListPage page = lake.list("a/", token, 2);
            assertThat(page.objects().size()).isLessThanOrEqualTo(2);
            page.objects().forEach(o -> paged.add(o.path()));
            token = page.nextPageToken();
            pages++;
        } while (token != null);
        assertThat(paged).containsExactly("a/b-c.json", "a/b/1.json", "a/b/2.json", "a/b/sub/3.json", "a/bc/1.json");
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void deleteRemoves() {
        Lake lake = lake();
        lake.put("d/x.json", bytes("x"));
        assertThat(lake.delete("d/x.json")).isTrue();
        assertThat(lake.get("d/x.json")).isEmpty();
        assertThat(lake.stat("d/x.json")).isEmpty();
        assertThat(lake.delete("d/x.json")).isFalse();
        assertThat(lake.listAll("d/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs.json", "a//b.json", "../x.json", "a/../b.json", "a/./b.json", "folder/", "a\\b.json"})
    void badPathsAreRejectedWithAClearMessage(String path) {
        Lake lake = lake();
        assertThatThrownBy(() -> lake.put(path, bytes("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lake path");
        assertThatThrownBy(() -> lake.get(path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lake.stat(path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lake.delete(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badListArgumentsAreRejected() {
        Lake lake = lake();
        assertThatThrownBy(() -> lake.list("../", null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lake.list("", null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..10000");
    }

    @Test
    void emptyObjectsAreObjects() {
        Lake lake = lake();
        ObjectInfo info = lake.put("serving/CURRENT", new byte[0]);
        assertThat(info.size()).isZero();
        assertThat(lake.get("serving/CURRENT")).hasValueSatisfying(b -> assertThat(b).isEmpty());
    }

    static List<String> paths(List<ObjectInfo> objects) {
        return objects.stream().map(ObjectInfo::path).toList();
    }
}
