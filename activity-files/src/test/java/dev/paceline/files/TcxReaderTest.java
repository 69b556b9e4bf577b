package dev.paceline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paceline.files.ActivityFileException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TcxReaderTest {

    @Test
    void stravaTcxWithSpacesBeforeTheXmlDeclarationReadsAsARunWithHeartRate() {
        Recording r = Fixtures.exportFile("3008.tcx.gz").get(0);
        assertThat(r.format()).isEqualTo(ActivityFormat.TCX);
        assertThat(r.sportType()).isEqualTo("Run");
        assertThat(r.deviceName()).startsWith("Forerunner 410");
        Track t = r.track();
        assertThat(t.start()).isEqualTo(Instant.parse("2012-12-26T21:29:53Z"));
        assertThat(t.size()).isEqualTo(384);
        assertThat(t.hasHeartrate()).isTrue();
        assertThat(t.hasGps()).isTrue();
        assertThat(t.hasWatts()).isFalse();
    }

    private static final String TPX = """

              <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
                xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
              <Activities><Activity Sport="Biking"><Id>2024-05-01T10:00:00Z</Id>
                <Lap StartTime="2024-05-01T10:00:00Z"><Track>
                  <Trackpoint><Time>2024-05-01T10:00:00Z</Time><Position><LatitudeDegrees>46.0</LatitudeDegrees>
                    <LongitudeDegrees>7.0</LongitudeDegrees></Position><AltitudeMeters>500</AltitudeMeters>
                    <HeartRateBpm><Value>120</Value></HeartRateBpm><Cadence>85</Cadence>
                    <Extensions><ns3:TPX><ns3:Speed>8.5</ns3:Speed><ns3:Watts>210</ns3:Watts></ns3:TPX></Extensions></Trackpoint>
                  <Trackpoint><Time>2024-05-01T10:00:01.500Z</Time><Position><LatitudeDegrees>46.0001</LatitudeDegrees>
                    <LongitudeDegrees>7.0</LongitudeDegrees></Position><AltitudeMeters>501</AltitudeMeters>
                    <HeartRateBpm><Value>122</Value></HeartRateBpm>
                    <Extensions><ns3:TPX><ns3:Speed>8.7</ns3:Speed><ns3:Watts>230</ns3:Watts></ns3:TPX></Extensions></Trackpoint>
                  <Trackpoint><Time>2024-05-01T10:00:01.900Z</Time>
                    <Extensions><ns3:TPX><ns3:Watts>250</ns3:Watts></ns3:TPX></Extensions></Trackpoint>
                  <Trackpoint><Time>2024-05-01T10:00:05Z</Time><Position><LatitudeDegrees>46.0005</LatitudeDegrees>
                    <LongitudeDegrees>7.0</LongitudeDegrees></Position>
                    <Extensions><ns3:TPX><ns3:Speed>0.1</ns3:Speed><ns3:Watts>0</ns3:Watts></ns3:TPX></Extensions></Trackpoint>
                </Track></Lap></Activity></Activities></TrainingCenterDatabase>
            """;

    @Test
    void tpxWattsAndSpeedBecomeStreamsAndTwoPointsInOneSecondAreAveraged() {
        Recording r = Fixtures.bytes("ride.tcx", TPX.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(r.sportType()).isEqualTo("Ride");
        Track t = r.track();
        assertThat(t.time()).containsExactly(0, 1, 5);
        assertThat(t.watts()).containsExactly(210.0, 240.0, 0.0);
        assertThat(t.velocity()).containsExactly(8.5, 8.7, 0.1);
        assertThat(t.heartrate()[1]).isEqualTo(122.0);
        assertThat(t.moving()).containsExactly(true, true, false);
        // no DistanceMeters in the file: derived from the positions (0.0005° of latitude ≈ 55.6 m)
        assertThat(t.distance()[0]).isZero();
        assertThat(t.distance()[2]).isCloseTo(55.6, within(0.1));
    }

    @Test
    void xmlThatIsNotTcxIsRefusedByName() {
        assertThatThrownBy(() -> Fixtures.bytes("x.tcx", "<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ActivityFileException.class)
                .hasMessageContaining("x.tcx")
                .hasMessageContaining("not TCX");
    }

    @Test
    void tcxCutOffMidElementIsTruncated() {
        byte[] half = TPX.substring(0, TPX.length() / 2).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Fixtures.bytes("cut.tcx", half))
                .isInstanceOf(ActivityFileException.class)
                .satisfies(e -> assertThat(((ActivityFileException) e).reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <TrainingCenterDatabase><Activities><Activity Sport="Running"><Lap><Track><Trackpoint>
                <Time>2024-01-01T00:00:00Z</Time><HeartRateBpm><Value>&x;</Value></HeartRateBpm>
                </Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>
                """;
        try {
            Track t = Fixtures.bytes("xxe.tcx", xxe.getBytes(StandardCharsets.UTF_8)).get(0).track();
            assertThat(t.heartrate()).isNull();
        } catch (ActivityFileException e) {
            assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
        }
    }
}
