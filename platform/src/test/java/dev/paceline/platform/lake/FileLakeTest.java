package dev.paceline.platform.lake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake contract on {@link FileLake}, plus what only a folder must prove: restarts, crashes, concurrent writers. */
class FileLakeTest extends LakeContract {

    @TempDir
    Path dir;
    private int lakes;

    @Override
    protected Lake lake() {
        return new FileLake(dir.resolve("lake" + lakes++));
    }

    @Test
    void objectsArePlainFilesAndUrisAreFileUris() throws IOException {
        FileLake lake = new FileLake(dir.resolve("plain"));
        lake.put("raw/x.json", "hello".getBytes(UTF_8));
        Path file = dir.resolve("plain/raw/x.json").toRealPath();
        assertThat(Files.readString(file)).isEqualTo("hello");
        assertThat(lake.file("raw/x.json")).isEqualTo(file);
        assertThat(lake.uri("raw/x.json")).isEqualTo("file://" + file);
        assertThat(lake.rootUri()).startsWith("file:///").endsWith("/plain/");
        assertThat(lake.stat("raw/x.json").orElseThrow().contentHash())
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"); // SHA-256("hello")
    }

    @Test
    void generationsSurviveARestart() {
        Path root = dir.resolve("restart");
        FileLake first = new FileLake(root);
        long g1 = first.put("state/cursor.json", "v1".getBytes(UTF_8)).generation();
        first.close();

        FileLake second = new FileLake(root);
        assertThat(second.stat("state/cursor.json").orElseThrow().generation()).isEqualTo(g1);
        long g2 = second.put("state/cursor.json", "v2".getBytes(UTF_8), PutCondition.ifGenerationMatches(g1)).generation();
        assertThat(g2).isGreaterThan(g1);
        assertThatThrownBy(() -> second.put("state/cursor.json", "v3".getBytes(UTF_8), PutCondition.ifGenerationMatches(g1)))
                .isInstanceOf(PreconditionFailedException.class);

        FileLake third = new FileLake(root);
        assertThat(third.stat("state/cursor.json").orElseThrow().generation()).isEqualTo(g2);
        assertThat(new String(third.get("state/cursor.json").orElseThrow(), UTF_8)).isEqualTo("v2");
    }

    @Test
    void aFileChangedBehindTheLakesBackGetsANewGenerationAndHash() throws IOException {
        FileLake lake = new FileLake(dir.resolve("heal"));
        ObjectInfo before = lake.put("raw/x.json", "old".getBytes(UTF_8));
        // What a crash between the content rename and the sidecar write leaves: new content, old sidecar.
        Path replacement = dir.resolve("replacement");
        Files.writeString(replacement, "new content");
        Files.move(replacement, lake.file("raw/x.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        ObjectInfo after = lake.stat("raw/x.json").orElseThrow();
        assertThat(after.generation()).isGreaterThan(before.generation());
        assertThat(after.size()).isEqualTo(11);
        assertThat(after.contentHash()).isEqualTo(FileLake.sha256("new content".getBytes(UTF_8)));
        assertThatThrownBy(() -> lake.put("raw/x.json", "lost update".getBytes(UTF_8),
                PutCondition.ifGenerationMatches(before.generation()))).isInstanceOf(PreconditionFailedException.class);

        // A file dropped in by hand is an object too.
        Files.writeString(dir.resolve("heal/raw/by-hand.json"), "{}");
        assertThat(lake.stat("raw/by-hand.json").orElseThrow().generation()).isPositive();
    }

    @Test
    void tempAndMetadataFilesAreNeverListedAndReservedNamesAreRejected() throws IOException {
        FileLake lake = new FileLake(dir.resolve("hidden"));
        lake.put("raw/x.json", "x".getBytes(UTF_8));
        Files.writeString(dir.resolve("hidden/raw/.paceline-tmp-leftover"), "half");
        assertThat(paths(lake.listAll(""))).containsExactly("raw/x.json");
        assertThatThrownBy(() -> lake.put(".paceline-lake/meta/x", "x".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> lake.put("raw", "x".getBytes(UTF_8)))
                .isInstanceOf(LakeException.class).hasMessageContaining("folder");
    }

    @Test
    void concurrentIfAbsentWritersExactlyOneWins() throws Exception {
        Path root = dir.resolve("race");
        int writers = 8;
        for (int round = 0; round < 20; round++) {
            String path = "state/lock-" + round + ".json";
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                FileLake own = new FileLake(root); // distinct instances, as two services sharing the folder
                byte[] content = ("writer " + w).getBytes(UTF_8);
                tasks.add(() -> tryPut(own, path, content, PutCondition.ifAbsent()));
            }
            assertThat(runTogether(tasks)).as("winners of round " + round).isEqualTo(1);
        }
    }

    @Test
    void concurrentGenerationMatchWritersExactlyOneWins() throws Exception {
        FileLake lake = new FileLake(dir.resolve("cas"));
        for (int round = 0; round < 20; round++) {
            long generation = lake.put("state/cursor.json", ("round " + round).getBytes(UTF_8)).generation();
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                byte[] content = ("writer " + w).getBytes(UTF_8);
                tasks.add(() -> tryPut(lake, "state/cursor.json", content, PutCondition.ifGenerationMatches(generation)));
            }
            assertThat(runTogether(tasks)).as("winners of round " + round).isEqualTo(1);
            assertThat(new String(lake.get("state/cursor.json").orElseThrow(), UTF_8)).startsWith("writer ");
        }
    }

    /** Two processes increment one counter object with compare-and-set: no increment may be lost. */
    @Test
    void twoProcessesIncrementingACounterLoseNoUpdate() throws Exception {
        Path root = dir.resolve("processes");
        new FileLake(root).put("counter", "0".getBytes(UTF_8));
        int perWriter = 150;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CounterMain.class.getName(), root.toString(), String.valueOf(perWriter));
        pb.redirectErrorStream(true);
        Process child = pb.start();
        int retriesHere = CounterMain.increment(new FileLake(root), perWriter);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String childOut = new String(child.getInputStream().readAllBytes(), UTF_8);
        assertThat(child.exitValue()).as(childOut).isZero();
        assertThat(new String(new FileLake(root).get("counter").orElseThrow(), UTF_8))
                .as("retries here " + retriesHere + ", child: " + childOut.strip())
                .isEqualTo(String.valueOf(2 * perWriter));
    }

    private static boolean tryPut(Lake lake, String path, byte[] content, PutCondition condition) {
        try {
            lake.put(path, content, condition);
            return true;
        } catch (PreconditionFailedException e) {
            return false;
        }
    }

    private static int runTogether(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : futures) {
                winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
