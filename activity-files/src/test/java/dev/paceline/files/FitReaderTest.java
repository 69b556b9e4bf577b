package dev.paceline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paceline.files.ActivityFileException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The FIT files of the miniature export (python-fitparse test files, MIT), one test per file's expected result. */
class FitReaderTest {

    @Test
    void edge810RideIsOneRideWithGpsPowerAndHeartRateAtOneHertz() {
        List<Recording> r = Fixtures.exportFile("3001.fit.gz");
        assertThat(r).hasSize(1);
        Recording ride = r.get(0);
        assertThat(ride.format()).isEqualTo(ActivityFormat.FIT);
        assertThat(ride.sportType()).isEqualTo("Ride");
        assertThat(ride.part()).isZero();
        Track t = ride.track();
        assertThat(t.start()).isEqualTo(Instant.parse("2013-08-16T18:05:10Z"));
        assertThat(t.size()).isEqualTo(4700);
        assertThat(t.elapsedS()).isEqualTo(4700);
        assertThat(t.hasGps()).isTrue();
        assertThat(t.hasWatts()).isTrue();
        assertThat(t.hasHeartrate()).isTrue();
        assertThat(t.distance()[t.size() - 1]).isCloseTo(41337.5, within(1.0));
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.time()[i]).isGreaterThan(t.time()[i - 1]);
        }
    }

    @Test
    void indoorTrainerRideHasPowerButNoGpsAndMovesByPedalling() {
        Track t = Fixtures.exportFile("3002.fit.gz").get(0).track();
        assertThat(t.hasGps()).isFalse();
        assertThat(t.hasWatts()).isTrue();
        assertThat(t.size()).isEqualTo(2263);
        assertThat(t.movingS()).isBetween(2100, 2263);
    }

    @Test
    void runningPowerInADeveloperFieldBecomesTheWattsStream() {
        Recording run = Fixtures.exportFile("3003.fit").get(0);
        assertThat(run.sportType()).isEqualTo("Run");
        Track t = run.track();
        assertThat(t.size()).isEqualTo(3424);
        assertThat(t.hasWatts()).isTrue();
        assertThat(t.distance()[t.size() - 1]).isCloseTo(6753.0, within(1.0));
    }

    @Test
    void shortFenixRunKeepsItsPausesAsGapsInTime() {
        Track t = Fixtures.exportFile("3004.fit.gz").get(0).track();
        assertThat(t.size()).isEqualTo(21);
        assertThat(t.elapsedS()).isEqualTo(58);
        assertThat(t.elapsedS()).isGreaterThan(t.size()); // seconds without records are gaps, not samples
    }

    @Test
    void multisportFileIsSplitIntoOneActivityPerSportSessionWithoutTransitions() {
        List<Recording> r = Fixtures.exportFile("3005.fit.gz");
        assertThat(r).extracting(Recording::part).containsExactly(1, 2, 3, 4);
        assertThat(r).extracting(Recording::sportType).containsExactly("Workout", "Run", "Run", "Ride");
        assertThat(r.get(1).track().start()).isEqualTo(Instant.parse("2015-08-29T10:36:00Z"));
        assertThat(r.get(3).track().start()).isEqualTo(Instant.parse("2015-08-29T13:11:37Z"));
        // each part's distance starts at 0 and ends near the session's own total
        assertThat(r.get(1).track().distance()[0]).isZero();
        assertThat(r.get(1).track().distance()[r.get(1).track().size() - 1]).isCloseTo(2245.0, within(5.0));
        assertThat(r.get(3).track().distance()[r.get(3).track().size() - 1]).isCloseTo(28923.8, within(5.0));
        for (int i = 1; i < r.size(); i++) {
            Track prev = r.get(i - 1).track();
            assertThat(prev.start().plusSeconds(prev.elapsedS())).isBeforeOrEqualTo(r.get(i).track().start());
        }
    }

    @Test
    void multisportFileReadWithoutSplittingIsOneActivityAsStravaMadeOfTheUpload() throws IOException {
        try (InputStream in = Fixtures.open("/exports/activities/3005.fit.gz")) {
            List<Recording> r = ActivityFiles.read("3005.fit.gz", in, ActivityFiles.DEFAULT_MAX_BYTES, false);
            assertThat(r).hasSize(1);
            assertThat(r.get(0).part()).isZero();
            // the whole file: from its first record (before the first session's start) to its last
            assertThat(r.get(0).track().start()).isEqualTo(Instant.parse("2015-08-29T07:14:44Z"));
            assertThat(r.get(0).track().start().plusSeconds(r.get(0).track().elapsedS()))
                    .isAfter(Instant.parse("2015-08-29T14:05:00Z"));
        }
    }

    @Test
    void corosFileWithMisalignedFieldDefinitionsStillReads() {
        Recording r = Fixtures.exportFile("3006.fit.gz").get(0);
        assertThat(r.sportType()).isEqualTo("Ride");
        assertThat(r.deviceName()).isEqualTo("COROS PACE 2");
        assertThat(r.track().size()).isEqualTo(11272);
        assertThat(r.track().distance()[r.track().size() - 1]).isCloseTo(32143.9, within(1.0));
    }

    @Test
    void truncatedFitFileIsReportedAsTruncatedNamingTheFile() {
        assertThatThrownBy(() -> Fixtures.exportFile("3007.fit.gz"))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isEqualTo(Reason.TRUNCATED))
                .hasMessageContaining("3007.fit.gz")
                .hasMessageContaining("interrupted");
    }

    @Test
    void aFitFileCutInHalfIsTruncatedNotCorrupt() throws IOException {
        byte[] whole;
        try (InputStream in = new GZIPInputStream(Fixtures.open("/exports/activities/3002.fit.gz"))) {
            whole = in.readAllBytes();
        }
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> Fixtures.bytes("half.fit", half))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void aFitFileWithAFlippedByteFailsItsChecksum() throws IOException {
        byte[] whole;
        try (InputStream in = new GZIPInputStream(Fixtures.open("/exports/activities/3004.fit.gz"))) {
            whole = in.readAllBytes();
        }
        whole[whole.length / 2] ^= 0x5a;
        assertThatThrownBy(() -> Fixtures.bytes("flipped.fit", whole))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void aNonFitFileNamedFitIsCorrupt() {
        assertThatThrownBy(() -> Fixtures.bytes("notes.fit", "hello, this is not FIT".getBytes()))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isIn(Reason.CORRUPT, Reason.TRUNCATED))
                .hasMessageContaining("notes.fit");
    }
}
