package dev.paceline.transform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.transform.Harness;
import dev.paceline.transform.LakeFixture;
import dev.paceline.transform.Model;
import dev.paceline.transform.macro.SqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingScratchTest {
    @TempDir
    Path dir;

    @Test
    void sameRows() throws Exception {
        try (Harness h = new Harness(dir, "models")) {
            h.fixture.putAthlete(26462176, "{\"id\":26462176,\"sex\":\"M\",\"ftp\":250,\"created_at\":\"2017-01-02T03:04:05Z\"}")
                    .putZones(26462176, LakeFixture.ZONES)
                    .putActivity(26462176, 11, LakeFixture.activity(11, "Zwift", "VirtualRide", false, "2026-08-20T07:30:00Z", 30000, 3600, 3700))
                    .putStreams(26462176, 11, LakeFixture.streams(400, 200))
                    .putActivity(26462176, 12, LakeFixture.activity(12, "Run", "Run", false, "2026-11-22T23:30:00Z", 8000, 2400, 2450))
                    .putStreams(26462176, 12, LakeFixture.streams(250, 0))
                    .putActivity(26462176, 14, LakeFixture.activity(14, "Ride", "Ride", false, "2026-11-25T07:30:00Z", 30000, 3600, 3700))
                    .putStreams(26462176, 14, LakeFixture.streams(300, 150))
                    .manifest();
            assertThat(h.run().status()).isEqualTo("succeeded");
            String old = Files.readString(Path.of("src/test/resources/rolling_old_scratch.sql"));
            Model m = ModelCatalog.sqlModel("mart_rolling_90d", "marts", "x", old);
            String sql = new ModelRenderer(SqlDialect.of(h.warehouse.dialect()), h.warehouse::qualify, "_paceline_changed").render(m, false);
            h.warehouse.execute("CREATE TABLE old_rolling AS " + sql);
            assertThat(h.warehouse.describe("old_rolling").orElseThrow()).isEqualTo(h.warehouse.describe("mart_rolling_90d").orElseThrow());
            long n = h.count("old_rolling");
            System.out.println("ROWS " + n + " nonnull hr share " + h.query("SELECT COUNT(hr_z2_share) AS c, COUNT(power_z3_s_change_pct) AS d FROM mart_rolling_90d"));
            assertThat(n).isGreaterThan(100);
            assertThat(h.query("SELECT COUNT(*) AS n FROM (SELECT * FROM old_rolling EXCEPT ALL SELECT * FROM mart_rolling_90d)").get(0).get("n")).isEqualTo(0L);
            assertThat(h.query("SELECT COUNT(*) AS n FROM (SELECT * FROM mart_rolling_90d EXCEPT ALL SELECT * FROM old_rolling)").get(0).get("n")).isEqualTo(0L);
        }
    }
}
