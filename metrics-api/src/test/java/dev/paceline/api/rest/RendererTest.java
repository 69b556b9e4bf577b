package dev.paceline.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.api.query.Answer;
import dev.paceline.api.query.Rows;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendererTest {

    private static Rows rows() {
        return new Rows(List.of("name", "form", "ctl", "intensity_factor", "time_s", "z1_share", "date"))
                .add("-1+1", -9.84, 61.25, 0.87654, 1180.5, 0.123456, LocalDate.parse("2026-11-27"))
                .add("@home", null, 1e-7, 1.0, 0.4, null, null);
    }

    @Test
    void numbersAreRoundedAtTheSourceSoJsonAndCsvCarryTheSameText() {
        String json = new String(Renderer.json(Answer.Result.of(rows())), StandardCharsets.UTF_8);
        String csv = new String(Renderer.csv(rows()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("[{\"name\":\"-1+1\",\"form\":-9.8,\"ctl\":61.3,\"intensity_factor\":0.877,\"time_s\":1181,"
                + "\"z1_share\":0.1235,\"date\":\"2026-11-27\"},{\"name\":\"@home\",\"form\":null,\"ctl\":0,"
                + "\"intensity_factor\":1,\"time_s\":0,\"z1_share\":null,\"date\":null}]");
        assertThat(csv).isEqualTo("name,form,ctl,intensity_factor,time_s,z1_share,date\r\n"
                + "'-1+1,-9.8,61.3,0.877,1181,0.1235,2026-11-27\r\n"
                + "'@home,,0,1,0,,\r\n");
    }

    @Test
    void aSingleObjectCarriesItsNestedArraysInJson() {
        Rows fields = new Rows(List.of("activity_id", "np_w")).add(7L, 221.44);
        Rows bests = new Rows(List.of("duration_s", "watts")).add(300L, 301.25);
        String json = new String(Renderer.json(Answer.Result.object(fields, Map.of("power_bests", bests))),
                StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"activity_id\":7,\"np_w\":221.4,\"power_bests\":[{\"duration_s\":300,\"watts\":301.3}]}");
    }
}
