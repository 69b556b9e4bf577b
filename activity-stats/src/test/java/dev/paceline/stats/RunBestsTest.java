package dev.paceline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunBestsTest {

    @Test
    void aConstantSpeedRunGivesDistanceOverSpeed() {
        // 12 km at 4 m/s, one sample per second
        int n = 3001;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = 4.0 * i;
        }
        List<RunBest> bests = RunBests.of(StreamSet.builder().time(Streams.seconds(0, n)).distance(d).build());
        assertThat(bests).extracting(RunBest::name).containsExactly("400m", "1k", "1mile", "5k", "10k");
        assertThat(bests.get(0).timeS()).isCloseTo(100, within(1e-9));
        assertThat(bests.get(1).timeS()).isCloseTo(250, within(1e-9));
        assertThat(bests.get(2).timeS()).isCloseTo(1609.344 / 4, within(1e-9));
        assertThat(bests.get(3).timeS()).isCloseTo(1250, within(1e-9));
        assertThat(bests.get(4).timeS()).isCloseTo(2500, within(1e-9));
        assertThat(bests.get(4).startS()).isCloseTo(0, within(1e-9));
        assertThat(bests.get(4).endS()).isCloseTo(2500, within(1e-9));
    }

    @Test
    void interpolatesTheCrossingBetweenSparseSamples() {
        // smart recording: samples at 0, 10, 20, 30, 40 s; slow, fast, fast, slow
        StreamSet s = StreamSet.builder().time(0, 10, 20, 30, 40).distance(0, 20, 70, 120, 140).build();
        List<RunBest> b = RunBests.of(s, new String[] {"100m", "60m", "130m"}, new double[] {100, 60, 130});
        // 100 m: inside the fast 5 m/s stretch 20..120 m → 20 s, from t = 10
        assertThat(b.get(0).timeS()).isCloseTo(20, within(1e-9));
        assertThat(b.get(0).startS()).isCloseTo(10, within(1e-9));
        // 60 m: 12 s anywhere in the fast stretch; earliest start t = 10
        assertThat(b.get(1).timeS()).isCloseTo(12, within(1e-9));
        assertThat(b.get(1).startS()).isCloseTo(10, within(1e-9));
        // 130 m: every start x in 0..10 m takes x/2 s less at the start and x/2 s more at the end: 35 s from
        // anywhere in the first slow stretch (start 0: end at 130 m = 30 + 10/2 s); the earliest start wins
        assertThat(b.get(2).timeS()).isCloseTo(35, within(1e-9));
        assertThat(b.get(2).startS()).isCloseTo(0, within(1e-9));
        assertThat(b.get(2).endS()).isCloseTo(35, within(1e-9));
    }

    @Test
    void stopsCountAsElapsedTimeAndGpsStepsBackCannotShortenAnEffort() {
        // 0..100 s at 5 m/s (500 m), stopped 100..160 s, then 5 m/s again; a GPS glitch jumps back 50 m at 170 s
        int n = 301;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i <= 100 ? 5.0 * i : i <= 160 ? 500 : 500 + 5.0 * (i - 160);
        }
        d[170] -= 50;
        List<RunBest> b = RunBests.of(StreamSet.builder().time(Streams.seconds(0, n)).distance(d).build(),
                new String[] {"1k"}, new double[] {1000});
        // the only 1000 m crosses the stop: 500 m before (from 0), 500 m after → 100 + 60 + 100 = 260 s
        assertThat(b.get(0).timeS()).isCloseTo(260, within(1e-9));
    }

    @Test
    void matchesABruteForceSearchOverFineStarts() {
        Random r = new Random(3);
        int n = 600;
        int[] t = new int[n];
        double[] d = new double[n];
        int time = 0;
        double dist = 0;
        for (int i = 0; i < n; i++) {
            t[i] = time;
            d[i] = dist;
            int dt = 1 + r.nextInt(4);
            time += dt;
            dist += dt * (2 + r.nextDouble() * 4) * (r.nextDouble() < 0.05 ? 0 : 1);
        }
        StreamSet s = StreamSet.builder().time(t).distance(d).build();
        double target = 400;
        double best = RunBests.of(s, new String[] {"x"}, new double[] {target}).get(0).timeS();
        // reference: every start on a sample and every end on a sample, crossing interpolated by a slow scan
        double ref = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (d[j] - d[i] >= target && d[j - 1] - d[i] < target) {
                    double end = t[j - 1] + (d[i] + target - d[j - 1]) / (d[j] - d[j - 1]) * (t[j] - t[j - 1]);
                    ref = Math.min(ref, end - t[i]);
                }
                if (d[j] - d[i] >= target && (i + 1 >= j || d[j] - d[i + 1] < target) && d[i + 1] > d[i]) {
                    double from = d[j] - target;
                    double start = t[i] + (from - d[i]) / (d[i + 1] - d[i]) * (t[i + 1] - t[i]);
                    ref = Math.min(ref, t[j] - start);
                }
            }
        }
        assertThat(best).isCloseTo(ref, within(1e-9));
    }

    @Test
    void withoutADistanceStreamThereAreNoBests() {
        assertThat(RunBests.of(Streams.constantPower(100, 100))).isEmpty();
        StreamSet short5k = StreamSet.builder().time(0, 1000).distance(0, 4999).build();
        assertThat(RunBests.of(short5k)).extracting(RunBest::name).containsExactly("400m", "1k", "1mile");
    }
}
