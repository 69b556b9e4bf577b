package dev.paceline.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.api.snapshot.MartReader;
import dev.paceline.platform.contract.ServingManifest.MartColumn;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class MartReaderTest {

    private static final List<MartColumn> COLUMNS = List.of(new MartColumn("athlete_id", "INT64"),
            new MartColumn("date", "DATE"), new MartColumn("sport", "STRING"), new MartColumn("load", "FLOAT64"),
            new MartColumn("count", "INT64"), new MartColumn("race", "BOOL"), new MartColumn("start", "TIMESTAMP"));

    private static byte[] gz(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void readsTypedColumnsNullsAndUnknownKeysSortedByTheKey() throws Exception {
        byte[] data = gz("""
                {"athlete_id":1,"date":"2026-11-03","sport":"run","load":"NaN","count":"7","race":true,"start":"2026-11-03T06:00:00.000000Z","extra":{"x":[1,2]}}
                {"athlete_id":1,"date":"2026-11-01","sport":"ride","load":51.5,"count":null,"race":false}
                {"athlete_id":1,"date":"2026-11-02","sport":"ride","load":0,"count":3}
                """);
        MartTable t = MartReader.read("m", "p", data, COLUMNS, 3, List.of("sport", "date"));
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.strings("sport")).containsExactly("ride", "ride", "run");
        assertThat(t.column("date").value(0)).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(t.column("load").value(0)).isEqualTo(51.5);
        assertThat(t.column("load").value(2)).as("a non-finite value read as null").isNull();
        assertThat(t.column("count").value(0)).isNull();
        assertThat(t.column("count").value(2)).isEqualTo(7L);
        assertThat(t.column("race").value(1)).as("absent key is null").isNull();
        assertThat(t.column("race").value(2)).isEqualTo(true);
        assertThat(t.column("start").value(2)).isEqualTo("2026-11-03T06:00:00.000000Z");
        assertThat(t.has("extra")).isFalse();
        assertThat(t.estimatedBytes()).isPositive();
    }

    @Test
    void badValuesNameThePathRowAndColumn() throws Exception {
        byte[] data = gz("{\"athlete_id\":1,\"date\":\"2026-11-01\"}\n{\"athlete_id\":1,\"date\":\"27/11/2026\"}\n");
        assertThatThrownBy(() -> MartReader.read("m", "serving/x.ndjson.gz", data, COLUMNS, 2, List.of()))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("serving/x.ndjson.gz row 2 column date")
                .hasMessageContaining("DATE");
        assertThatThrownBy(() -> MartReader.read("m", "p", "not gzip".getBytes(StandardCharsets.UTF_8), COLUMNS, 0, List.of()))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("cannot read p");
        assertThatThrownBy(() -> MartReader.read("m", "p", gz("[1,2]\n"), COLUMNS, 0, List.of()))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void anUnsupportedColumnTypeIsNamed() throws Exception {
        assertThatThrownBy(() -> MartReader.read("m", "p", gz(""), List.of(new MartColumn("g", "GEOGRAPHY")), 0, List.of()))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("column g").hasMessageContaining("GEOGRAPHY");
    }
}
