package dev.paceline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivitiesCsvTest {

    private static ActivitiesCsv.Result fixture() throws IOException {
        try (var in = new InputStreamReader(Fixtures.open("/exports/activities.csv"), StandardCharsets.UTF_8)) {
            return ActivitiesCsv.read(in);
        }
    }

    @Test
    void theExportsRowsAreReadWithSiValuesFromTheRepeatedColumns() throws IOException {
        ActivitiesCsv.Result r = fixture();
        assertThat(r.problems()).isEmpty();
        assertThat(r.activities()).extracting(CsvActivity::id)
                .containsExactly(3001L, 3002L, 3003L, 3004L, 3005L, 3006L, 3007L, 3008L, 3009L, 3010L);
        CsvActivity tcx = r.activities().get(7);
        assertThat(tcx.name()).isEqualTo("Aerobics");
        assertThat(tcx.sportType()).isEqualTo("Run");
        // "Distance" appears twice: 1.61 (km, display) then 1609.3 (m, SI) — the SI copy wins
        assertThat(tcx.distanceM()).isEqualTo(1609.3);
        assertThat(tcx.elapsedS()).isEqualTo(608);
        assertThat(tcx.start()).isEqualTo(Instant.parse("2012-12-26T21:29:53Z"));
        assertThat(tcx.filename()).isEqualTo("activities/3008.tcx.gz");
        assertThat(r.activities().get(0).start()).isEqualTo(Instant.parse("2013-08-16T15:35:10Z"));
        assertThat(r.activities().get(1).sportType()).isEqualTo("VirtualRide");
    }

    @Test
    void aManualActivityHasNoFileButKeepsItsTime() throws IOException {
        CsvActivity yoga = fixture().activities().get(9);
        assertThat(yoga.sportType()).isEqualTo("Yoga");
        assertThat(yoga.filename()).isNull();
        assertThat(yoga.elapsedS()).isEqualTo(3600);
        assertThat(yoga.movingS()).isEqualTo(3600);
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        String csv = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Commute,Filename\r\n"
                + "7,\"Jan 2, 2021, 10:05:00 AM\",\"Hills, \"\"hard\"\" ones\",E-Bike Ride,\"line one\nline two\",true,\n"
                + "8,\"Feb 3, 2021, 1:00:00 PM\",Easy,Run,,false,activities/8.gpx\n";
        ActivitiesCsv.Result r = ActivitiesCsv.read(new StringReader(csv));
        assertThat(r.problems()).isEmpty();
        CsvActivity a = r.activities().get(0);
        assertThat(a.name()).isEqualTo("Hills, \"hard\" ones");
        assertThat(a.description()).isEqualTo("line one\nline two");
        assertThat(a.sportType()).isEqualTo("EBikeRide");
        assertThat(a.commute()).isTrue();
        assertThat(a.start()).isEqualTo(Instant.parse("2021-01-02T10:05:00Z"));
        assertThat(r.activities().get(1).line()).isEqualTo(4);
        assertThat(r.activities().get(1).filename()).isEqualTo("activities/8.gpx");
    }

    @Test
    void aRowWithABadDateIsAProblemNamingItsLineAndTheOthersStillRead() throws IOException {
        String csv = "Activity ID,Activity Date,Activity Type\n1,yesterday,Run\n2,\"Mar 1, 2020, 7:00:00 AM\",Ride\n";
        ActivitiesCsv.Result r = ActivitiesCsv.read(new StringReader(csv));
        assertThat(r.activities()).extracting(CsvActivity::id).containsExactly(2L);
        assertThat(r.problems()).containsExactly(new ActivitiesCsv.Problem(2,
                "activity 1: the Activity Date \"yesterday\" is not like \"Aug 16, 2013, 3:35:10 PM\""));
    }

    @Test
    void aHeaderInAnotherLanguageIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ActivitiesCsv.read(new StringReader("ID de l'activité,Date\n1,2\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Set your Strava language to English");
    }

    @Test
    void anUnclosedQuoteIsRefusedAsTruncated() {
        assertThatThrownBy(() -> ActivitiesCsv.read(new StringReader(
                "Activity ID,Activity Date,Activity Type\n1,\"Mar 1, 2020")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        assertThat(List.of()).isEmpty();
    }
}
