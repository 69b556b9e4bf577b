package dev.paceline.simulator.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.files.ActivitiesCsv;
import dev.paceline.files.ActivityFiles;
import dev.paceline.files.CsvActivity;
import dev.paceline.files.ImportSource;
import dev.paceline.files.Recording;
import dev.paceline.files.Track;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated export archive reads back, through the import's own readers, as the simulator's API streams. */
class ExportArchiveWriterTest {

    @TempDir
    Path dir;

    @Test
    void everyGeneratedActivityReadsBackWithTheSimulatorsSamples() throws Exception {
        AthleteGenerator gen = new AthleteGenerator(7, 40, 1);
        Path zip = dir.resolve("export.zip");
        ExportArchiveWriter.Written w = new ExportArchiveWriter(gen).write(zip);
        assertThat(w.rows()).isEqualTo(gen.plans().size());
        assertThat(w.fit()).isPositive();
        assertThat(w.tcx() + w.gpx()).isPositive();
        try (ImportSource source = ImportSource.open(zip)) {
            assertThat(source.refusals()).isEmpty();
            List<CsvActivity> rows;
            try (InputStream in = source.open(source.find("activities.csv"))) {
                ActivitiesCsv.Result r = ActivitiesCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
                assertThat(r.problems()).isEmpty();
                rows = r.activities();
            }
            assertThat(rows).hasSize(gen.plans().size());
            int checked = 0;
            for (CsvActivity row : rows) {
                ActivityPlan plan = gen.plan(row.id()).orElseThrow();
                assertThat(row.sportType()).isEqualTo(plan.sportType());
                assertThat(row.start()).isEqualTo(plan.start());
                if (row.filename() == null) {
                    assertThat(plan.manual()).isTrue();
                    continue;
                }
                ActivityStreams expected = gen.samples(plan).orElseThrow();
                List<Recording> recs;
                try (InputStream in = source.open(source.find(row.filename()))) {
                    recs = ActivityFiles.read(row.filename(), in, ActivityFiles.DEFAULT_MAX_BYTES);
                }
                assertThat(recs).hasSize(1);
                Track t = recs.get(0).track();
                assertThat(t.start()).isEqualTo(plan.start());
                assertThat(t.time()).as("time of %s", row.filename()).containsExactly(expected.time());
                if (expected.watts() != null) {
                    for (int i = 0; i < expected.size(); i++) {
                        assertThat(t.watts()[i]).as("watts of %s at %d", row.filename(), i)
                                .isEqualTo((double) expected.watts()[i]);
                    }
                }
                if (expected.heartrate() != null) {
                    assertThat(t.heartrate()[expected.size() / 2]).isEqualTo((double) expected.heartrate()[expected.size() / 2]);
                }
                checked++;
            }
            assertThat(checked).isEqualTo(w.fit() + w.tcx() + w.gpx());
        }
    }

    @Test
    void displayTypesHaveStravasSpacesAndReadBackAsSportTypes() {
        assertThat(ExportArchiveWriter.displayType("VirtualRide")).isEqualTo("Virtual Ride");
        assertThat(ExportArchiveWriter.displayType("Run")).isEqualTo("Run");
        assertThat(ExportArchiveWriter.headerNames()).hasSize(80);
    }
}
