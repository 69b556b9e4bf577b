package dev.paceline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OneHzGridTest {

    @Test
    void bridgesGapsUpToFiveSecondsByForwardFillAndCutsLongerOnes() {
        // samples at 0, 5 (gap 5: bridged), 11 (gap 6: a pause), 12
        StreamSet s = StreamSet.builder().time(0, 5, 11, 12).watts(100, 200, 300, 400).build();
        OneHzGrid g = OneHzGrid.of(s);
        assertThat(g.length()).isEqualTo(13);
        for (int i = 0; i <= 5; i++) {
            assertThat(g.recorded(i)).as("second %d", i).isTrue();
        }
        for (int i = 6; i <= 10; i++) {
            assertThat(g.recorded(i)).as("second %d", i).isFalse();
            assertThat(g.watts(i)).isNaN();
        }
        assertThat(g.watts(1)).isEqualTo(100);
        assertThat(g.watts(4)).isEqualTo(100);
        assertThat(g.watts(5)).isEqualTo(200);
        assertThat(g.watts(11)).isEqualTo(300);
        assertThat(g.recordedSeconds()).isEqualTo(8);
        assertThat(g.powerSeconds()).isEqualTo(8);
        // no moving stream: moving = recorded
        assertThat(g.movingSeconds()).isEqualTo(8);
    }

    @Test
    void movingComesFromTheMovingStreamAndIsForwardFilled() {
        StreamSet s = StreamSet.builder().time(0, 1, 3, 4).moving(true, false, true, true).build();
        OneHzGrid g = OneHzGrid.of(s);
        assertThat(g.moving(0)).isTrue();
        assertThat(g.moving(1)).isFalse();
        assertThat(g.moving(2)).isFalse(); // bridged from second 1
        assertThat(g.moving(3)).isTrue();
        assertThat(g.recordedSeconds()).isEqualTo(5);
        assertThat(g.movingSeconds()).isEqualTo(3);
    }

    @Test
    void heartRateZeroIsMissingAndEachChannelBridgesItsOwnGaps() {
        int[] t = Streams.seconds(0, 20);
        double[] hr = new double[20];
        java.util.Arrays.fill(hr, 150);
        hr[3] = 0; // one zero: bridged from second 2 (samples 2 and 4 are 2 s apart)
        for (int i = 8; i < 16; i++) {
            hr[i] = i % 2 == 0 ? Double.NaN : 0; // an 8 s dropout: samples 7 and 16 are 9 s apart
        }
        OneHzGrid g = OneHzGrid.of(StreamSet.builder().time(t).heartrate(hr).build());
        assertThat(g.heartrate(3)).isEqualTo(150);
        for (int i = 8; i < 16; i++) {
            assertThat(g.heartrate(i)).isNaN();
            assertThat(g.recorded(i)).isTrue(); // the time stream has no gap
        }
        assertThat(g.heartrateSeconds()).isEqualTo(12);
        assertThat(g.recordedSeconds()).isEqualTo(20);
    }

    @Test
    void theGapLimitIsAnOption() {
        StreamSet s = StreamSet.builder().time(0, 3).watts(1, 2).build();
        assertThat(OneHzGrid.of(s, 2, 100).recordedSeconds()).isEqualTo(2);
        assertThat(OneHzGrid.of(s, 3, 100).recordedSeconds()).isEqualTo(4);
    }

    @Test
    void refusesACorruptTimeStreamInsteadOfAllocatingIt() {
        StreamSet s = StreamSet.builder().time(0, 2_000_000_000).build();
        assertThatThrownBy(() -> OneHzGrid.of(s))
                .isInstanceOf(StreamFormatException.class)
                .hasMessageContaining("Options.maxElapsedS");
    }

    @Test
    void emptyStreamsGiveAnEmptyGrid() {
        OneHzGrid g = OneHzGrid.of(StreamSet.EMPTY);
        assertThat(g.length()).isZero();
        assertThat(g.recordedSeconds()).isZero();
    }
}
