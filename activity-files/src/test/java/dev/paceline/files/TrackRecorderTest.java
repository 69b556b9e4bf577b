package dev.paceline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrackRecorderTest {

    private static final long T0 = 1_700_000_000L;

    @Test
    void fourSamplesInOneSecondBecomeOneWithMeanPowerAndLastPosition() {
        TrackRecorder r = new TrackRecorder();
        TrackRecorder.Sample s = new TrackRecorder.Sample();
        for (int i = 0; i < 4; i++) {
            r.add(T0, s.clear().watts(100 + i * 10).position(45 + i * 1e-5, 7).speed(5));
        }
        r.add(T0 + 1, s.clear().watts(300).position(45.0001, 7).speed(5));
        Track t = r.track();
        assertThat(t.time()).containsExactly(0, 1);
        assertThat(t.watts()).containsExactly(115.0, 300.0);
        assertThat(t.lat()[0]).isEqualTo(45 + 3e-5);
    }

    @Test
    void samplesWhileTheTimerIsStoppedAreLeftOutSoThePauseIsAGap() {
        TrackRecorder r = new TrackRecorder();
        TrackRecorder.Sample s = new TrackRecorder.Sample();
        r.add(T0, s.clear().heartrate(100));
        r.add(T0 + 1, s.clear().heartrate(101));
        r.pause(T0 + 1);
        r.add(T0 + 2, s.clear().heartrate(90));
        r.add(T0 + 50, s.clear().heartrate(91));
        r.resume(T0 + 60);
        r.add(T0 + 60, s.clear().heartrate(110));
        Track t = r.track();
        assertThat(t.time()).containsExactly(0, 1, 60);
        assertThat(t.heartrate()).containsExactly(100.0, 101.0, 110.0);
        assertThat(t.elapsedS()).isEqualTo(61);
        assertThat(r.dropped()).isEqualTo(2);
    }

    @Test
    void aSampleGoingBackInTimeIsDroppedNotSorted() {
        TrackRecorder r = new TrackRecorder();
        TrackRecorder.Sample s = new TrackRecorder.Sample();
        r.add(T0 + 5, s.clear().watts(1));
        r.add(T0 + 3, s.clear().watts(2));
        r.add(T0 + 6, s.clear().watts(3));
        assertThat(r.track().watts()).containsExactly(1.0, 3.0);
        assertThat(r.dropped()).isEqualTo(1);
    }

    @Test
    void withoutGpsOrSpeedATrainerRideMovesWhilePedalling() {
        TrackRecorder r = new TrackRecorder();
        TrackRecorder.Sample s = new TrackRecorder.Sample();
        r.add(T0, s.clear().watts(200).cadence(90));
        r.add(T0 + 1, s.clear().watts(0).cadence(0));
        Track t = r.track();
        assertThat(t.moving()).containsExactly(true, false);
        assertThat(t.distance()).isNull();
        assertThat(t.velocity()).isNull();
    }

    @Test
    void speedIsDerivedFromDistanceAndMovingFromSpeed() {
        TrackRecorder r = new TrackRecorder();
        TrackRecorder.Sample s = new TrackRecorder.Sample();
        r.add(T0, s.clear().distance(0));
        r.add(T0 + 1, s.clear().distance(3));
        r.add(T0 + 2, s.clear().distance(3.2));
        Track t = r.track();
        assertThat(t.velocity()[1]).isCloseTo(3.0, within(1e-9));
        assertThat(t.velocity()[2]).isCloseTo(0.2, within(1e-9));
        assertThat(t.moving()).containsExactly(true, true, false);
    }

    @Test
    void outOfRangeSensorValuesAreMissingNotSamples() {
        TrackRecorder r = new TrackRecorder();
        TrackRecorder.Sample s = new TrackRecorder.Sample();
        r.add(T0, s.clear().heartrate(255).watts(65535).position(0, 0));
        r.add(T0 + 1, s.clear().heartrate(120).watts(200));
        Track t = r.track();
        assertThat(t.watts()[0]).isNaN();
        assertThat(t.heartrate()[0]).isEqualTo(255.0);
        assertThat(t.lat()).isNull();
    }
}
