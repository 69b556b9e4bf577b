import dev.paceline.stats.OneHzGrid;
import dev.paceline.stats.PowerBest;
import dev.paceline.stats.PowerBests;
import dev.paceline.stats.StreamSet;
import dev.paceline.stats.StreamType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The best-effort budget of issue #6: the original five durations (15 s, 30 s, 1, 2, 5 min) over every ride of a
 * lake, timed apart from reading and parsing. Input: the raw streams objects of a FileLake (bench/transform makes one).
 * Prints the sample and grid-second counts and the wall time of each step (the best of five rounds for the bests).
 */
public final class PowerBestsBench {

    private static final int[] ORIGINAL_FIVE = {15, 30, 60, 120, 300};

    public static void main(String[] args) throws Exception {
        Path lake = Path.of(args.length > 0 ? args[0] : "/tmp/paceline-transform-bench/lake");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(lake.resolve("raw/strava"))) {
            files = walk.filter(p -> p.getParent().getFileName().toString().equals("streams") && p.toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            System.err.println("no streams objects under " + lake.resolve("raw/strava") + ": run bench/transform/run.sh first");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        List<byte[]> objects = new ArrayList<>(files.size());
        long bytes = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            objects.add(b);
            bytes += b.length;
        }
        double readS = (System.nanoTime() - t0) / 1e9;
        // Parse rounds: the streaming parse of raw envelopes into primitive arrays, as the transform's one pass does.
        // Thread CPU time as well as wall time: on a shared machine only the CPU figure says what the parser costs.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] parseRounds = new double[3];
        double[] parseCpu = new double[parseRounds.length];
        List<StreamSet> streams = new ArrayList<>();
        long samples = 0;
        long allSamples = 0;
        for (int r = 0; r < parseRounds.length; r++) {
            streams.clear();
            samples = 0;
            allSamples = 0;
            long tp = System.nanoTime();
            long cp = threads.getCurrentThreadCpuTime();
            for (byte[] b : objects) {
                StreamSet s = StreamSet.parse(b);
                allSamples += s.size();
                if (s.has(StreamType.WATTS)) {
                    streams.add(s);
                    samples += s.size();
                }
            }
            parseRounds[r] = (System.nanoTime() - tp) / 1e9;
            parseCpu[r] = (threads.getCurrentThreadCpuTime() - cp) / 1e9;
        }
        Arrays.sort(parseRounds);
        Arrays.sort(parseCpu);
        double parseS = parseRounds[0];
        long t1 = System.nanoTime();
        List<OneHzGrid> grids = new ArrayList<>();
        long seconds = 0;
        for (StreamSet s : streams) {
            OneHzGrid g = OneHzGrid.of(s);
            grids.add(g);
            seconds += g.length();
        }
        double gridS = (System.nanoTime() - t1) / 1e9;
        double[] rounds = new double[5];
        double checksum = 0;
        for (int r = 0; r < rounds.length; r++) {
            long t = System.nanoTime();
            for (OneHzGrid g : grids) {
                for (PowerBest b : PowerBests.meanMaximal(g, ORIGINAL_FIVE)) {
                    checksum += b.watts();
                }
            }
            rounds[r] = (System.nanoTime() - t) / 1e9;
        }
        long t2 = System.nanoTime();
        for (OneHzGrid g : grids) {
            checksum += PowerBests.curve(g).size();
        }
        double curveS = (System.nanoTime() - t2) / 1e9;
        Arrays.sort(rounds);
        System.out.printf(Locale.ROOT, "%d streams objects, %d with power: %,d samples, %,d grid seconds%n", files.size(),
                grids.size(), samples, seconds);
        System.out.printf(Locale.ROOT, "read %,d bytes from the lake files: %.1f s%n", bytes, readS);
        System.out.printf(Locale.ROOT, "parse CPU time (one thread): best %.2f s = %.0f MB per CPU second%n", parseCpu[0],
                bytes / 1e6 / parseCpu[0]);
        System.out.printf(Locale.ROOT, "parse (streaming, into primitive arrays; %,d samples in all): best %.2f s (%.0f MB/s), "
                + "worst %.2f s of %d rounds; 1 Hz grids: %.2f s%n", allSamples, parseS, bytes / 1e6 / parseS,
                parseRounds[parseRounds.length - 1], parseRounds.length, gridS);
        System.out.printf(Locale.ROOT, "original five durations: best %.2f s, median %.2f s, worst %.2f s of 5 rounds (budget 3.2 s)%n",
                rounds[0], rounds[2], rounds[4]);
        System.out.printf(Locale.ROOT, "whole mean-maximal curve (log-spaced to the longest ride): %.2f s (checksum %.1f)%n", curveS, checksum);
    }
}
