package dev.paceline.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrecisionTest {

    @ParameterizedTest(name = "{0} has {1} decimals")
    @CsvSource({
        "moving_time_s, 0", "time_s, 0", "start_s, 0", "z3_s, 0", "run_best_5k_s_prev, 0",
        "watts, 1", "np_w, 1", "power_best_300_w, 1", "load, 1", "ctl, 1", "atl, 1", "form, 1", "tss, 1", "distance_m, 1",
        "moving_time_s_change_pct, 1", "pace_s_per_km, 1", "pace_from_s_per_km, 1", "value, 1",
        "threshold_pace_mps, 2", "avg_speed_mps, 2", "lower, 2", "upper, 2", "threshold, 2",
        "intensity_factor, 3", "avg_if, 3", "avg_if_prev, 3", "coverage, 3",
        "hr_z1_share, 4", "power_z7_share_prev, 4"
    })
    void eachColumnHasItsPrecision(String column, int decimals) {
        assertThat(Precision.decimals(column)).isEqualTo(decimals);
    }

    @ParameterizedTest(name = "{0} to {1} decimals is {2}")
    @CsvSource({"1.005, 2, 1.01", "220.5, 0, 221", "-9.85, 1, -9.9", "0.123449, 4, 0.1234", "42.0, 1, 42"})
    void roundingIsHalfUpOnTheDecimalValue(double v, int decimals, double expected) {
        assertThat(Precision.round(v, decimals)).isEqualTo(expected);
    }
}
