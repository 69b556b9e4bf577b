package dev.paceline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void countsSecondsPerBpmIgnoringZeroAndSplitsMoving() {
        // HR 100,100,0 (bridged → 100),120,120, an 8 s run of zeros (missing: not bridged), 7 s at 130; stopped at 3..4
        int[] t = Streams.seconds(0, 20);
        double[] hr = {100, 100, 0, 120, 120, 0, 0, 0, 0, 0, 0, 0, 0, 130, 130, 130, 130, 130, 130, 130};
        boolean[] mv = new boolean[20];
        java.util.Arrays.fill(mv, true);
        mv[3] = false;
        mv[4] = false;
        ActivityStats a = ActivityStats.compute(StreamSet.builder().time(t).heartrate(hr).moving(mv).build(),
                Options.defaults());
        Histogram h = a.heartrateHistogram();
        assertThat(h.size()).isEqualTo(3);
        assertThat(new int[] {h.bucket(0), h.bucket(1), h.bucket(2)}).containsExactly(100, 120, 130);
        assertThat(new int[] {h.recordedS(0), h.recordedS(1), h.recordedS(2)}).containsExactly(3, 2, 7);
        assertThat(new int[] {h.movingS(0), h.movingS(1), h.movingS(2)}).containsExactly(3, 0, 7);
        assertThat(a.coverage().heartrateS()).isEqualTo(12);
        assertThat(a.coverage().heartrateMovingS()).isEqualTo(10);
        assertThat(a.heartrate().avg()).isEqualTo((300 + 240 + 910) / 12.0);
        assertThat(a.heartrate().max()).isEqualTo(130);
    }

    @Test
    void zonesSumBucketsWithLowerExclusiveUpperInclusiveBounds() {
        // power 0, 100, 150, 151, 200, 400 W, one second each
        StreamSet s = StreamSet.builder().time(0, 1, 2, 3, 4, 5).watts(0, 100, 150, 151, 200, 400).build();
        Histogram p = ActivityStats.compute(s, Options.defaults()).powerHistogram();
        // zones: (≤100], (100,150], (150,200], (200,∞)
        assertThat(Zones.zoneSeconds(p, new double[] {0, 100, 150, 200}, true)).containsExactly(2, 1, 2, 1);
        assertThat(Zones.zoneSeconds(p, new double[] {0, 100, 150, 200}, false)).containsExactly(2, 1, 2, 1);
        assertThat(Zones.zoneSeconds(p, new double[] {0}, true)).containsExactly(6);
        assertThatThrownBy(() -> Zones.zoneSeconds(p, new double[] {0, 100, 100}, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increase strictly");
        assertThat(Zones.zoneOf(0, new double[] {0, 100})).isZero();
        assertThat(Zones.zoneOf(100, new double[] {0, 100})).isZero();
        assertThat(Zones.zoneOf(100.01, new double[] {0, 100})).isEqualTo(1);
    }

    @Test
    void speedBucketsAreHundredthsOfMetresPerSecondAndSpikesLandInTheTopBucket() {
        StreamSet s = StreamSet.builder().time(0, 1, 2, 3).velocity(3.124, 3.125, -1, 250).build();
        Histogram h = ActivityStats.compute(s, Options.defaults()).speedHistogram();
        // 3.124 → 312, 3.125 → 313 (half up), −1 is missing (bridged from 3.125), 250 m/s → capped at 100 m/s
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.bucket(0)).isEqualTo(312);
        assertThat(h.bucket(1)).isEqualTo(313);
        assertThat(h.recordedS(1)).isEqualTo(2);
        assertThat(h.bucket(2)).isEqualTo(10_000);
        assertThat(h.value(0)).isEqualTo(3.12);
    }

    @Test
    void paceZonesOnSpeedBucketsDifferFromExactPaceByUnderHalfAPercent() {
        double threshold = PaceZones.thresholdSpeed(20 * 60); // 20:00 5 km
        double[] bounds = PaceZones.speedBounds(threshold);
        Random r = new Random(7);
        int n = 20_000;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.5 + r.nextDouble() * 5.0; // 11:07 … 3:04 min/km
        }
        StreamSet s = StreamSet.builder().time(Streams.seconds(0, n)).velocity(v).build();
        ActivityStats a = ActivityStats.compute(s, Options.defaults());
        long[] fromBuckets = Zones.zoneSeconds(a.speedHistogram(), bounds, true);
        long[] exact = new long[bounds.length];
        int misplaced = 0;
        for (double x : v) {
            int zExact = Zones.zoneOf(x, bounds);
            exact[zExact]++;
            int zBucket = Zones.zoneOf(Histogram.Kind.SPEED.bucketOf(x) / 100.0, bounds);
            if (zBucket != zExact) {
                misplaced++;
                // a misplaced second is one whose exact pace is within 0.5 % of the zone boundary it crossed
                double boundary = bounds[Math.max(zBucket, zExact)];
                double paceError = Math.abs(1000 / x - 1000 / boundary) / (1000 / boundary);
                assertThat(paceError).isLessThan(0.005);
            }
        }
        long diff = 0;
        for (int z = 0; z < bounds.length; z++) {
            diff += Math.abs(fromBuckets[z] - exact[z]);
        }
        assertThat(diff).isLessThanOrEqualTo(2L * misplaced);
        assertThat((double) misplaced / n).isLessThan(0.005);
        assertThat(fromBuckets).containsExactly(Zones.zoneSeconds(a.speedHistogram(), bounds, false));
        assertThat(java.util.Arrays.stream(fromBuckets).sum()).isEqualTo(n);
    }

    @Test
    void histogramsRoundTripThroughWarehouseRows() {
        Histogram h = Histogram.fromRows(Histogram.Kind.HEARTRATE, new int[] {90, 150}, new int[] {10, 20},
                new int[] {5, 20});
        assertThat(Zones.zoneSeconds(h, HeartRateZones.bounds(190), true)).containsExactly(5, 0, 20, 0, 0);
        assertThatThrownBy(() -> Histogram.fromRows(Histogram.Kind.POWER, new int[] {2, 1}, new int[2], new int[2]))
                .hasMessageContaining("strictly increasing");
    }
}
