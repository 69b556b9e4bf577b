package dev.paceline.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PowerBestsTest {

    @Test
    void aConstantHourAt200WattsGives200AtEveryDuration() {
        ActivityStats a = ActivityStats.compute(Streams.constantPower(3600, 200), Options.defaults());
        assertThat(a.powerBests()).extracting(PowerBest::durationS)
                .containsExactly(15, 30, 60, 120, 300, 600, 1200, 1800, 3600);
        for (PowerBest b : a.powerBests()) {
            assertThat(b.watts()).isEqualTo(200.0);
            assertThat(b.startS()).isZero();
            assertThat(b.coverage()).isEqualTo(1.0);
        }
        assertThat(a.powerCurve()).allSatisfy(b -> assertThat(b.watts()).isEqualTo(200.0));
        assertThat(a.powerCurve().get(a.powerCurve().size() - 1).durationS()).isEqualTo(3600);
    }

    @Test
    void aStepProfileHasKnownBestsAndStarts() {
        // 10 min at 150 W, 5 min at 300 W, 2 min at 400 W, 13 min at 100 W  (30 min)
        double[] w = Streams.concat(Streams.constant(600, 150), Streams.constant(300, 300),
                Streams.constant(120, 400), Streams.constant(780, 100));
        StreamSet s = StreamSet.builder().time(Streams.seconds(0, 1800)).watts(w).build();
        ActivityStats a = ActivityStats.compute(s, Options.defaults());
        assertThat(a.powerBest(15)).isEqualTo(new PowerBest(15, 400.0, 900, 1.0));
        assertThat(a.powerBest(120)).isEqualTo(new PowerBest(120, 400.0, 900, 1.0));
        // 300 s: best is 120 s at 400 + 180 s at 300 = 340 W, starting at 720
        assertThat(a.powerBest(300)).isEqualTo(new PowerBest(300, 340.0, 720, 1.0));
        // 600 s: 180 s at 150 + 300 at 300 + 120 at 400 → (27000 + 90000 + 48000) / 600 = 275
        assertThat(a.powerBest(600)).isEqualTo(new PowerBest(600, 275.0, 420, 1.0));
        // 1200 s: windows [s, s+1200) with s ≤ 600; moving the start right trades 150 W for 100 W: s = 0
        // (600·150 + 300·300 + 120·400 + 180·100) / 1200 = 205
        assertThat(a.powerBest(1200)).isEqualTo(new PowerBest(1200, 205.0, 0, 1.0));
        assertThat(a.powerBest(1800).watts()).isEqualTo(Math.round((90000 + 90000 + 48000 + 78000) / 1800.0 * 10) / 10.0);
        assertThat(a.powerBest(3600)).isNull(); // longer than the ride
    }

    @Test
    void windowsNeedNinetyPercentRecordedSeconds() {
        // 60 s at 300 W, a 7 s pause (no samples: seconds 60..66 unrecorded), 60 s at 300 W
        int[] t = Streams.concat(Streams.seconds(0, 60), Streams.seconds(67, 127));
        StreamSet s = StreamSet.builder().time(t).watts(Streams.constant(120, 300)).build();
        OneHzGrid g = OneHzGrid.of(s);
        // sample 59 forward-fills nothing (the gap is 8 s): seconds 60..66 are unrecorded
        assertThat(g.recordedSeconds()).isEqualTo(120);
        List<PowerBest> bests = PowerBests.meanMaximal(g, new int[] {60, 70, 120, 127});
        // 60 s: a full window at 300
        assertThat(bests.get(0)).isEqualTo(new PowerBest(60, 300.0, 0, 1.0));
        // 70 s: 7 unrecorded seconds = exactly 90 % recorded → qualifies, 63 s × 300 / 70 = 270
        assertThat(bests.get(1)).isEqualTo(new PowerBest(70, 270.0, 0, 0.9));
        // 120 s: at best 113 recorded (94 %) → qualifies at 113 × 300 / 120 = 282.5
        assertThat(bests.get(2).watts()).isEqualTo(282.5);
        assertThat(bests.get(2).coverage()).isEqualTo(113.0 / 120);
        // 127 s: 120/127 = 94.5 % → qualifies with the whole ride
        assertThat(bests.get(3)).isEqualTo(new PowerBest(127, Math.round(120 * 300 / 127.0 * 10) / 10.0, 0, 120.0 / 127));

        // a 10 s hole: every 60 s window holds it (50/60 recorded), the whole ride is 80/90 recorded: both fail
        int[] t2 = Streams.concat(Streams.seconds(0, 40), Streams.seconds(50, 90));
        OneHzGrid g2 = OneHzGrid.of(StreamSet.builder().time(t2).watts(Streams.constant(80, 250)).build());
        List<PowerBest> b2 = PowerBests.meanMaximal(g2, new int[] {40, 60, 90});
        assertThat(b2).extracting(PowerBest::durationS).containsExactly(40);
        assertThat(b2.get(0).watts()).isEqualTo(250.0);
    }

    @Test
    void theNinetyPercentRuleIsExactAtTheBoundary() {
        // samples 0..22 and 28..49: the 6 s gap leaves seconds 23..27 unrecorded (5 of 50)
        int[] t = Streams.concat(Streams.seconds(0, 23), Streams.seconds(28, 50));
        OneHzGrid g = OneHzGrid.of(StreamSet.builder().time(t).watts(Streams.constant(45, 100)).build());
        assertThat(g.recordedSeconds()).isEqualTo(45);
        List<PowerBest> b = PowerBests.meanMaximal(g, new int[] {10, 49, 50});
        // 50 s: 45 recorded = 90 % → qualifies; 49 s: every window holds the 5 missing seconds, 44/49 < 90 %
        assertThat(b).containsExactly(new PowerBest(10, 100.0, 0, 1.0), new PowerBest(50, 90.0, 0, 0.9));
    }

    @Test
    void matchesABruteForceReferenceOnRandomRidesWithPausesAndDropouts() {
        Random r = new Random(42);
        for (int run = 0; run < 20; run++) {
            int n = 400 + r.nextInt(800);
            int[] t = new int[n];
            double[] w = new double[n];
            int time = 0;
            for (int i = 0; i < n; i++) {
                t[i] = time;
                w[i] = r.nextDouble() < 0.03 ? Double.NaN : Math.round(r.nextDouble() * 600);
                time += r.nextDouble() < 0.02 ? 2 + r.nextInt(12) : 1;
            }
            OneHzGrid g = OneHzGrid.of(StreamSet.builder().time(t).watts(w).build());
            int[] durations = PowerBests.curveDurations(g.length());
            List<PowerBest> fast = PowerBests.meanMaximal(g, durations);
            int k = 0;
            for (int d : durations) {
                double best = -1;
                int start = -1;
                for (int s = 0; s + d <= g.length(); s++) {
                    double sum = 0;
                    int rec = 0;
                    for (int i = s; i < s + d; i++) {
                        double x = g.watts(i);
                        if (!Double.isNaN(x)) {
                            sum += x;
                            rec++;
                        }
                    }
                    if (rec * 10 >= d * 9 && sum > best + 1e-6) {
                        best = sum;
                        start = s;
                    }
                }
                if (start < 0) {
                    continue;
                }
                PowerBest b = fast.get(k++);
                assertThat(b.durationS()).isEqualTo(d);
                assertThat(b.watts()).as("d=%d", d).isEqualTo(Math.round(best / d * 10) / 10.0);
                assertThat(b.startS()).as("d=%d", d).isEqualTo(start);
            }
            assertThat(fast).hasSize(k);
        }
    }

    @Test
    void theCurveGridIsLogSpacedAndHoldsTheStandardAndServingDurations() {
        int[] grid = PowerBests.curveDurations(36_000);
        assertThat(grid).contains(PowerBests.STANDARD_DURATIONS_S);
        assertThat(grid).contains(1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200,
                1800, 2700, 3600, 5400, 7200);
        assertThat(grid[0]).isEqualTo(1);
        for (int i = 1; i < grid.length; i++) {
            assertThat(grid[i]).isGreaterThan(grid[i - 1]);
            assertThat((double) grid[i] / grid[i - 1]).isLessThanOrEqualTo(2.0);
        }
        assertThat(grid[grid.length - 1]).isEqualTo(36_000);
        assertThat(PowerBests.curveDurations(100)).endsWith(90);
        assertThat(PowerBests.curveDurations(0)).isEmpty();
    }

    @Test
    void noPowerStreamGivesNoBests() {
        StreamSet s = StreamSet.builder().time(Streams.seconds(0, 100)).heartrate(Streams.constant(100, 120)).build();
        ActivityStats a = ActivityStats.compute(s, Options.defaults());
        assertThat(a.powerBests()).isEmpty();
        assertThat(a.powerCurve()).isEmpty();
        assertThat(a.normalizedPower()).isNull();
        assertThat(a.power().avg()).isNull();
    }
}
