package dev.paceline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paceline.files.ActivityFileException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GpxReaderTest {

    @Test
    void gpsBabelGpx10TrackWithoutSensorsGetsDistanceAndMovingFromGps() {
        Recording r = Fixtures.exportFile("3009.gpx.gz").get(0);
        assertThat(r.format()).isEqualTo(ActivityFormat.GPX);
        assertThat(r.deviceName()).startsWith("GPSBabel");
        Track t = r.track();
        assertThat(t.start()).isEqualTo(Instant.parse("2010-10-03T09:36:30Z"));
        assertThat(t.size()).isEqualTo(513);
        assertThat(t.hasHeartrate()).isFalse();
        assertThat(t.hasWatts()).isFalse();
        assertThat(t.distance()[t.size() - 1]).isCloseTo(6281.9, within(0.5));
        assertThat(t.velocity()).isNotNull();
        assertThat(t.movingS()).isPositive().isLessThan(t.size());
    }

    static final String GPX11 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="StravaGPX" xmlns="http://www.topografix.com/GPX/1/1"
                 xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
              <trk><name>Evening Ride</name><type>cycling</type><trkseg>
                <trkpt lat="45.5" lon="6.5"><ele>1000.0</ele><time>2024-06-01T17:00:00Z</time>
                  <extensions><power>250</power><gpxtpx:TrackPointExtension><gpxtpx:atemp>21</gpxtpx:atemp>
                  <gpxtpx:hr>140</gpxtpx:hr><gpxtpx:cad>90</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
                <trkpt lat="45.5001" lon="6.5"><ele>1003.0</ele><time>2024-06-01T17:00:01Z</time>
                  <extensions><power>260</power><gpxtpx:TrackPointExtension><gpxtpx:atemp>21</gpxtpx:atemp>
                  <gpxtpx:hr>142</gpxtpx:hr><gpxtpx:cad>92</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
              </trkseg></trk></gpx>
            """;

    @Test
    void gpx11TrackPointExtensionAndBarePowerBecomeStreams() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(GPX11.getBytes(StandardCharsets.UTF_8));
        }
        Recording r = Fixtures.bytes("ride.gpx.gz", gz.toByteArray()).get(0);
        assertThat(r.sportType()).isEqualTo("Ride");
        Track t = r.track();
        assertThat(t.watts()).containsExactly(250.0, 260.0);
        assertThat(t.heartrate()).containsExactly(140.0, 142.0);
        assertThat(t.cadence()).containsExactly(90.0, 92.0);
        assertThat(t.temp()).containsExactly(21.0, 21.0);
        assertThat(t.altitude()).containsExactly(1000.0, 1003.0);
        assertThat(t.distance()[1]).isCloseTo(11.1, within(0.1));
    }

    @Test
    void aRouteWithoutTimesIsNotAnActivity() {
        String route = "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>";
        assertThatThrownBy(() -> Fixtures.bytes("route.gpx", route.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isEqualTo(Reason.NOT_AN_ACTIVITY))
                .hasMessageContaining("without times");
    }

    @Test
    void plainTextNamedGpxGzIsCorruptGzip() {
        assertThatThrownBy(() -> Fixtures.bytes("a.gpx.gz", "<gpx/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isEqualTo(Reason.CORRUPT))
                .hasMessageContaining("not gzip");
    }

    @Test
    void aGzipBombIsStoppedAtTheInflatedSizeLimit() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("<gpx version=\"1.1\"><trk><trkseg>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 8; i++) {
                out.write(spaces);
            }
        }
        assertThat(gz.size()).isLessThan(64 * 1024);
        assertThatThrownBy(() -> ActivityFiles.read("bomb.gpx.gz", new java.io.ByteArrayInputStream(gz.toByteArray()),
                4L * 1024 * 1024))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("bomb.gpx.gz");
    }

    @Test
    void aFileNamedNeitherFitTcxNorGpxIsAnUnknownFormat() {
        assertThatThrownBy(() -> Fixtures.bytes("photo.jpg", new byte[] {1, 2, 3}))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isEqualTo(Reason.UNKNOWN_FORMAT));
    }
}
