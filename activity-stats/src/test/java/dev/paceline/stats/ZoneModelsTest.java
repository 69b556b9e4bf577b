package dev.paceline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneModelsTest {

    private static final LocalDate BIRTH = LocalDate.of(1986, 5, 17);

    @Test
    void maxHrFromAgeMovesOnTheBirthday() {
        assertThat(HeartRateZones.ageOn(BIRTH, LocalDate.of(2026, 5, 16))).isEqualTo(39);
        assertThat(HeartRateZones.ageOn(BIRTH, LocalDate.of(2026, 5, 17))).isEqualTo(40);
        // round(211 − 0.64 × 39) = round(186.04) = 186; at 40: round(185.4) = 185
        assertThat(HeartRateZones.maxHrOn(BIRTH, LocalDate.of(2026, 5, 16))).isEqualTo(186);
        assertThat(HeartRateZones.maxHrOn(BIRTH, LocalDate.of(2026, 5, 17))).isEqualTo(185);
        // bounds 0, 59, 78, 87, 97 % rounded: 186 → 110 (109.74), 145 (145.08), 162 (161.82), 180 (180.42)
        assertThat(HeartRateZones.bounds(186)).containsExactly(0, 110, 145, 162, 180);
        assertThat(HeartRateZones.bounds(185)).containsExactly(0, 109, 144, 161, 179);

        List<HeartRateZones.MaxHrPeriod> h = HeartRateZones.history(BIRTH, LocalDate.of(2026, 1, 1),
                LocalDate.of(2028, 12, 31));
        // 41 also gives round(184.76) = 185: no change on the 2027 birthday; 42 gives round(184.12) = 184
        assertThat(h).containsExactly(
                new HeartRateZones.MaxHrPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 16), 186),
                new HeartRateZones.MaxHrPeriod(LocalDate.of(2026, 5, 17), LocalDate.of(2028, 5, 16), 185),
                new HeartRateZones.MaxHrPeriod(LocalDate.of(2028, 5, 17), LocalDate.of(2028, 12, 31), 184));
    }

    @Test
    void aBirthdayMovesTheZoneTimesOfTheSameHistogram() {
        // the same ride on the day before and on the birthday: 145 bpm is zone 2 at max 186, zone 3 at max 185
        Histogram hr = Histogram.fromRows(Histogram.Kind.HEARTRATE, new int[] {145}, new int[] {600}, new int[] {600});
        assertThat(Zones.zoneSeconds(hr, HeartRateZones.bounds(HeartRateZones.maxHrOn(BIRTH, LocalDate.of(2026, 5, 16))), true))
                .containsExactly(0, 600, 0, 0, 0);
        assertThat(Zones.zoneSeconds(hr, HeartRateZones.bounds(HeartRateZones.maxHrOn(BIRTH, LocalDate.of(2026, 5, 17))), true))
                .containsExactly(0, 0, 600, 0, 0);
    }

    @Test
    void aLeapDayBirthdayCountsOnTheFirstOfMarchInCommonYears() {
        LocalDate leap = LocalDate.of(2000, 2, 29);
        assertThat(HeartRateZones.ageOn(leap, LocalDate.of(2001, 2, 28))).isZero();
        assertThat(HeartRateZones.ageOn(leap, LocalDate.of(2001, 3, 1))).isEqualTo(1);
        assertThat(HeartRateZones.history(leap, LocalDate.of(2001, 2, 1), LocalDate.of(2001, 3, 31)))
                .extracting(HeartRateZones.MaxHrPeriod::validFrom)
                .containsExactly(LocalDate.of(2001, 2, 1), LocalDate.of(2001, 3, 1));
    }

    @Test
    void powerPresetsRoundToWholeWatts() {
        assertThat(PowerZones.SEED6.bounds(250)).containsExactly(0, 150, 190, 225, 263, 298);
        assertThat(PowerZones.COGGAN7.bounds(250)).containsExactly(0, 138, 188, 225, 263, 300, 375);
        assertThat(PowerZones.fromKey("coggan7")).isEqualTo(PowerZones.COGGAN7);
    }

    @Test
    void eftpFollowsTheThirteenWeekBestAndConfiguredTestsWin() {
        LocalDate d0 = LocalDate.of(2026, 1, 1);
        List<DatedValue> best20 = List.of(
                new DatedValue(d0, 260),
                new DatedValue(d0.plusDays(30), 280),          // an FTP change mid-window
                new DatedValue(d0.plusDays(40), 270));          // lower: changes nothing
        List<ValuePeriod> h = Ftp.history(best20, List.of(), d0.minusDays(1), d0.plusDays(150));
        assertThat(h).containsExactly(
                new ValuePeriod(d0, d0.plusDays(29), 247, "eftp"),                  // round(0.95 × 260)
                new ValuePeriod(d0.plusDays(30), d0.plusDays(120), 266, "eftp"),    // round(0.95 × 280) for 91 days
                new ValuePeriod(d0.plusDays(121), d0.plusDays(130), 257, "eftp"));  // 280 expired: round(256.5)
        assertThat(Ftp.on(d0.plusDays(131), best20, List.of())).isNaN();

        List<ValuePeriod> withTest = Ftp.history(best20, List.of(new DatedValue(d0.plusDays(35), 300)), d0,
                d0.plusDays(40));
        assertThat(withTest).containsExactly(
                new ValuePeriod(d0, d0.plusDays(29), 247, "eftp"),
                new ValuePeriod(d0.plusDays(30), d0.plusDays(34), 266, "eftp"),
                new ValuePeriod(d0.plusDays(35), null, 300, "ftp_test"));
    }

    @Test
    void riegelGivesThresholdPaceAndAFiveKmRaceMovesThePaceZones() {
        // 20:00 for 5 km → T10 = 1200 × 2^1.06 = 2501.9 s → 250.2 s/km (4:10/km)
        assertThat(PaceZones.tenKmTime(1200)).isCloseTo(1200 * Math.pow(2, 1.06), within(1e-9));
        assertThat(PaceZones.thresholdPaceSPerKm(1200)).isCloseTo(250.19, within(0.01));
        double v = PaceZones.thresholdSpeed(1200);
        assertThat(v).isCloseTo(1000 / 250.19, within(1e-4));
        double[] b = PaceZones.speedBounds(v);
        assertThat(b).hasSize(7);
        assertThat(b[0]).isZero();
        assertThat(b[1]).isCloseTo(v / 1.29, within(1e-12));
        assertThat(b[4]).isCloseTo(v / 1.01, within(1e-12));
        assertThat(b[6]).isCloseTo(v / 0.90, within(1e-12));
        // threshold pace itself is zone 5 (97–100 %), 4:00/km (95.9 %) is zone 6 (90–96 %)
        assertThat(Zones.zoneOf(v, b)).isEqualTo(4);
        assertThat(Zones.zoneOf(1000 / 240.0, b)).isEqualTo(5);

        LocalDate d0 = LocalDate.of(2026, 3, 1);
        List<ValuePeriod> h = PaceZones.history(List.of(new DatedValue(d0, 1260), new DatedValue(d0.plusDays(20), 1200)),
                d0, d0.plusDays(30), "race_5k");
        assertThat(h).hasSize(2);
        assertThat(h.get(0).value()).isCloseTo(PaceZones.thresholdSpeed(1260), within(1e-12));
        assertThat(h.get(1).validFrom()).isEqualTo(d0.plusDays(20));
        assertThat(h.get(1).value()).isCloseTo(v, within(1e-12));
        // a steady 4:05/km: 93.3 % of the 4:23/km threshold before the race (zone 6), 97.9 % of 4:10/km after (zone 5)
        double steady = 1000 / 245.0;
        assertThat(Zones.zoneOf(steady, PaceZones.speedBounds(h.get(0).value()))).isEqualTo(5);
        assertThat(Zones.zoneOf(steady, PaceZones.speedBounds(h.get(1).value()))).isEqualTo(4);
    }

    @Test
    void anHourAtThresholdHeartRateIsOneHundredHrTss() {
        assertThat(HeartRateLoad.hrTss(60, 170, 50, 190, 170, false)).isCloseTo(100, within(1e-9));
        assertThat(HeartRateLoad.hrTss(60, 170, 50, 190, 170, true)).isCloseTo(100, within(1e-9));
        assertThat(HeartRateLoad.hrTss(30, 170, 50, 190, 170, false)).isCloseTo(50, within(1e-9));
        // Banister: 60 min, HRr = 0.5 → 60 × 0.5 × 0.64 × e^0.96
        assertThat(HeartRateLoad.trimp(60, 120, 50, 190, false)).isCloseTo(60 * 0.5 * 0.64 * Math.exp(0.96), within(1e-9));
        assertThat(HeartRateLoad.trimp(60, 120, 50, 190, true)).isCloseTo(60 * 0.5 * 0.86 * Math.exp(0.835), within(1e-9));

        // from streams: an hour at 162 bpm with max 180, rest 60 and no LTHR → threshold 0.9 × 180 = 162 → 100
        StreamSet s = StreamSet.builder().time(Streams.seconds(0, 3600)).heartrate(Streams.constant(3600, 162)).build();
        HeartRateLoad l = HeartRateLoad.of(OneHzGrid.of(s), Options.defaults().withHeartRate(180, 60, null, false));
        assertThat(l.thresholdHrBpm()).isEqualTo(162);
        assertThat(l.hrTss()).isCloseTo(100, within(1e-9));
        assertThat(HeartRateLoad.of(OneHzGrid.of(s), Options.defaults())).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> HeartRateLoad.of(OneHzGrid.of(s), Options.defaults().withHeartRate(180, 60, 55, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold HR (55.0 bpm) must be above rest HR (60.0 bpm)")
                .hasMessageContaining("athlete settings");
    }

    @Test
    void fitnessFollowsTheExponentialRecursionWithRestDaysAtZero() {
        LocalDate d0 = LocalDate.of(2026, 1, 1);
        List<Fitness.Day> f = Fitness.daily(List.of(new DatedValue(d0, 60), new DatedValue(d0, 40),
                new DatedValue(d0.plusDays(2), 100)), d0, d0.plusDays(3));
        double kc = 1 - Math.exp(-1 / 42.0);
        double ka = 1 - Math.exp(-1 / 7.0);
        assertThat(f).hasSize(4);
        assertThat(f.get(0).load()).isEqualTo(100);
        assertThat(f.get(0).ctl()).isCloseTo(100 * kc, within(1e-12));
        assertThat(f.get(0).atl()).isCloseTo(100 * ka, within(1e-12));
        assertThat(f.get(0).form()).isZero();
        assertThat(f.get(1).load()).isZero();
        assertThat(f.get(1).ctl()).isCloseTo(100 * kc * (1 - kc), within(1e-12));
        assertThat(f.get(1).form()).isCloseTo(f.get(0).ctl() - f.get(0).atl(), within(1e-12));
        assertThat(f.get(3).form()).isCloseTo(f.get(2).ctl() - f.get(2).atl(), within(1e-12));
        // a long steady load converges to it
        double[] loads = new double[1000];
        java.util.Arrays.fill(loads, 80);
        List<Fitness.Day> steady = Fitness.daily(d0, loads);
        assertThat(steady.get(999).ctl()).isCloseTo(80, within(1e-6));
        assertThat(steady.get(999).atl()).isCloseTo(80, within(1e-9));
    }
}
