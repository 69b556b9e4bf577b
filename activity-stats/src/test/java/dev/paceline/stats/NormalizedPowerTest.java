package dev.paceline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalizedPowerTest {

    @Test
    void aConstantHourAt200WattsHasNp200AndTssFromIfSquared() {
        for (double ftp : new double[] {200, 250, 320}) {
            NormalizedPower np = ActivityStats.compute(Streams.constantPower(3600, 200), Options.defaults()
                    .withFtp(ftp)).normalizedPower();
            assertThat(np.npW()).isCloseTo(200.0, within(1e-9));
            assertThat(np.intensityFactor()).isCloseTo(200 / ftp, within(1e-12));
            assertThat(np.tss()).isCloseTo(100 * (200 / ftp) * (200 / ftp), within(1e-9));
            assertThat(np.seconds()).isEqualTo(3600);
        }
    }

    @Test
    void aStepProfileMatchesTheRollingMeanByHand() {
        // 30 min at 100 W then 30 min at 300 W
        double[] w = Streams.concat(Streams.constant(1800, 100), Streams.constant(1800, 300));
        StreamSet s = StreamSet.builder().time(Streams.seconds(0, 3600)).watts(w).build();
        // rolling means: 1771 windows at 100, 29 mixed windows (100·(30−k) + 300·k)/30 for k = 1..29, 1771 at 300
        double sum4 = 1771 * Math.pow(100, 4) + 1771 * Math.pow(300, 4);
        for (int k = 1; k <= 29; k++) {
            sum4 += Math.pow((100.0 * (30 - k) + 300.0 * k) / 30, 4);
        }
        double expected = Math.pow(sum4 / 3571, 0.25);
        NormalizedPower np = NormalizedPower.of(OneHzGrid.of(s), 250.0);
        assertThat(np.npW()).isCloseTo(expected, within(1e-9));
        assertThat(np.npW()).isCloseTo(253.0, within(0.5)); // ≈ (½·100⁴ + ½·300⁴)^¼
        assertThat(np.tss()).isCloseTo(100 * (expected / 250) * (expected / 250), within(1e-9));
    }

    @Test
    void pausesLongerThanFiveSecondsAreCutOutNotZeroFilled() {
        // 30 min at 200 W, 20 min without samples (auto-pause), 30 min at 200 W
        int[] t = Streams.concat(Streams.seconds(0, 1800), Streams.seconds(3000, 4800));
        StreamSet s = StreamSet.builder().time(t).watts(Streams.constant(3600, 200)).build();
        NormalizedPower np = NormalizedPower.of(OneHzGrid.of(s), 250.0);
        assertThat(np.npW()).isCloseTo(200.0, within(1e-9));
        assertThat(np.seconds()).isEqualTo(3600);
        assertThat(np.tss()).isCloseTo(100 * 1.0 * 0.64, within(1e-9));

        // the same ride with the pause recorded as 0 W is a different ride: NP drops
        double[] zeros = Streams.concat(Streams.constant(1800, 200), Streams.constant(1200, 0), Streams.constant(1800, 200));
        StreamSet z = StreamSet.builder().time(Streams.seconds(0, 4800)).watts(zeros).build();
        assertThat(NormalizedPower.of(OneHzGrid.of(z), 250.0).npW()).isLessThan(190);
    }

    @Test
    void cuttingJoinsTheSegmentsInOrder() {
        // 60 s at 100 W, pause of 10 s, 60 s at 300 W  ==  60 s at 100 W directly followed by 60 s at 300 W
        int[] t = Streams.concat(Streams.seconds(0, 60), Streams.seconds(70, 130));
        double[] w = Streams.concat(Streams.constant(60, 100), Streams.constant(60, 300));
        NormalizedPower paused = NormalizedPower.of(OneHzGrid.of(StreamSet.builder().time(t).watts(w).build()), null);
        NormalizedPower joined = NormalizedPower.of(
                OneHzGrid.of(StreamSet.builder().time(Streams.seconds(0, 120)).watts(w).build()), null);
        assertThat(paused.npW()).isCloseTo(joined.npW(), within(1e-9));
        assertThat(paused.intensityFactor()).isNull();
        assertThat(paused.tss()).isNull();
    }

    @Test
    void shortGapsAreBridgedByForwardFill() {
        // samples every 5 s at 200 W: the grid is fully recorded, NP = 200 over 596 s
        int[] t = new int[120];
        for (int i = 0; i < t.length; i++) {
            t[i] = 5 * i;
        }
        NormalizedPower np = NormalizedPower.of(
                OneHzGrid.of(StreamSet.builder().time(t).watts(Streams.constant(120, 200)).build()), 200.0);
        assertThat(np.seconds()).isEqualTo(596);
        assertThat(np.npW()).isCloseTo(200, within(1e-9));
        assertThat(np.tss()).isCloseTo(100 * 596 / 3600.0, within(1e-9));
    }

    @Test
    void needsThirtyPowerSeconds() {
        assertThat(NormalizedPower.of(OneHzGrid.of(Streams.constantPower(29, 200)), 200.0)).isNull();
        assertThat(NormalizedPower.of(OneHzGrid.of(Streams.constantPower(30, 200)), 200.0).npW())
                .isCloseTo(200, within(1e-9));
    }
}
