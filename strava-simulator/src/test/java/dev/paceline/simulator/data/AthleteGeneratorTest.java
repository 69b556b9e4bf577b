package dev.paceline.simulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AthleteGeneratorTest {

    static final AthleteGenerator GEN = new AthleteGenerator(42, 100, 3);

    @Test
    void sameSeedSameActivitiesAndSamples() {
        AthleteGenerator again = new AthleteGenerator(42, 100, 3);
        assertThat(again.activities()).isEqualTo(GEN.activities());
        long id = GEN.plans().get(40).id();
        assertThat(again.streamsFor(id)).isEqualTo(GEN.streamsFor(id));
        assertThat(new AthleteGenerator(43, 100, 3).plans().get(40).name()).isNotNull();
        assertThat(new AthleteGenerator(43, 100, 3).activities()).isNotEqualTo(GEN.activities());
    }

    @Test
    void idsAndStartTimesGrowTogetherWithinTheRequestedYears() {
        List<ActivityPlan> plans = GEN.plans();
        assertThat(plans).hasSize(100);
        for (int i = 1; i < plans.size(); i++) {
            assertThat(plans.get(i).id()).isGreaterThan(plans.get(i - 1).id());
            assertThat(plans.get(i).start()).isAfter(plans.get(i - 1).start());
        }
        assertThat(plans.get(0).localDate()).isAfterOrEqualTo(LocalDate.of(2023, 11, 1));
        assertThat(plans.get(99).localDate()).isBefore(LocalDate.of(2026, 11, 2));
        assertThat(plans.get(0).id()).isGreaterThan(Integer.MAX_VALUE);
    }

    @Test
    void ftpTestHoldsExactlyTheAnnouncedPowerAndNothingHigherElsewhere() {
        ActivityPlan test = GEN.plans().get(28);
        assertThat(test.kind()).isEqualTo(ActivityKind.RIDE_FTP_TEST);
        int watts = test.known().watts();
        assertThat(watts).isEqualTo((int) Math.round(1.05 * test.ftpWatts()));
        assertThat(test.name()).isEqualTo("FTP test: 20 min @ " + watts + " W");
        ActivityStreams s = GEN.samples(test).orElseThrow();
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.time()[i]).isEqualTo(i); // indoor: 1 Hz, no gaps
            if (i >= 900 && i < 2100) {
                assertThat(s.watts()[i]).isEqualTo(watts);
            } else {
                assertThat(s.watts()[i]).isLessThanOrEqualTo((int) (0.9 * watts));
            }
        }
        // so the best 20-minute (and every shorter) mean power is exactly the announced power
        assertThat(bestMean(s.watts(), 1200)).isEqualTo(watts);
        assertThat(bestMean(s.watts(), 15)).isEqualTo(watts);
    }

    private static double bestMean(int[] w, int d) {
        long sum = 0;
        long best = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            if (i >= d) {
                sum -= w[i - d];
            }
            if (i >= d - 1) {
                best = Math.max(best, sum);
            }
        }
        return best / (double) d;
    }

    @Test
    void parkrunCoversFiveKilometresAtConstantSpeedInTheTimeOfItsName() {
        ActivityPlan race = GEN.plans().get(32);
        assertThat(race.kind()).isEqualTo(ActivityKind.RUN_RACE_5K);
        int t = race.known().seconds();
        assertThat(race.name()).endsWith(String.format("%d:%02d", t / 60, t % 60));
        ActivityStreams s = GEN.samples(race).orElseThrow();
        int from = race.known().startSecond();
        assertThat(from).isEqualTo(899);
        double covered = s.distance()[from + t] - s.distance()[from];
        assertThat(covered).isCloseTo(5000.0, org.assertj.core.data.Offset.offset(0.1));
        double v = 5000.0 / t;
        for (int i = from + 1; i <= from + t; i++) {
            assertThat(s.distance()[i] - s.distance()[i - 1]).isCloseTo(v, org.assertj.core.data.Offset.offset(0.11));
        }
    }

    @Test
    void manualActivitiesHaveNoStreamsAndPrivateOnesAreFlagged() {
        ActivityPlan manual = GEN.plans().get(11);
        assertThat(manual.manual()).isTrue();
        assertThat(GEN.streamsFor(manual.id())).isEmpty();
        assertThat(GEN.summary(manual).path("manual").asBoolean()).isTrue();
        assertThat(GEN.plans().get(17).isPrivate()).isTrue();
        assertThat(GEN.summary(GEN.plans().get(17)).path("visibility").asText()).isEqualTo("only_me");
    }

    @Test
    void outdoorActivitiesHaveAutoPauseGapsAndOlderDevicesSmartRecording() {
        boolean gap = false;
        boolean smart = false;
        for (ActivityPlan p : GEN.plans()) {
            if (p.manual() || !p.hasGps()) {
                continue;
            }
            int[] t = GEN.samples(p).orElseThrow().time();
            for (int i = 1; i < t.length; i++) {
                int dt = t[i] - t[i - 1];
                gap |= dt > 20;
                smart |= dt >= 2 && dt <= 5;
            }
        }
        assertThat(gap).as("some auto-pause gap longer than 20 s").isTrue();
        assertThat(smart).as("some smart-recording stretch").isTrue();
    }

    @Test
    void namesAndFlagsExerciseTheActivityTypeRules() {
        Pattern race = Pattern.compile("(?i)race|parkrun|xc|cross country|crit|tt|time trial|stage|tour de|\\d+:\\d\\d");
        Pattern intervals = Pattern.compile("(?i)interval|reps|yasso|track|x\\d|workout|sst|vo2");
        Pattern indoor = Pattern.compile("(?i)treadmill|indoor|zwift|spin|turbo|trainerroad|rouvy");
        AthleteGenerator big = new AthleteGenerator(42, 400, 3);
        Set<ActivityKind> kinds = EnumSet.noneOf(ActivityKind.class);
        boolean raceByNameOnly = false;
        boolean intervalsByTypeOnly = false;
        boolean indoorByName = false;
        boolean virtualSport = false;
        for (ActivityPlan p : big.plans()) {
            kinds.add(p.kind());
            raceByNameOnly |= race.matcher(p.name()).find() && p.workoutType() != null && p.workoutType() == 10;
            intervalsByTypeOnly |= p.workoutType() != null && p.workoutType() == 12
                    && !intervals.matcher(p.name()).find();
            indoorByName |= indoor.matcher(p.name()).find();
            virtualSport |= p.sportType().equals("VirtualRide");
        }
        assertThat(kinds).containsAll(EnumSet.allOf(ActivityKind.class));
        assertThat(raceByNameOnly).isTrue();
        assertThat(intervalsByTypeOnly).isTrue();
        assertThat(indoorByName).isTrue();
        assertThat(virtualSport).isTrue();
    }

    @Test
    void physiologyMovesOverTheYears() {
        Physiology ph = GEN.physiology();
        assertThat(ph.maxHr(LocalDate.of(2026, 4, 11))).isEqualTo(186);
        assertThat(ph.maxHr(LocalDate.of(2026, 4, 12))).isEqualTo(185);
        assertThat(ph.ftpWatts(LocalDate.of(2026, 7, 1))).isGreaterThan(ph.ftpWatts(LocalDate.of(2023, 12, 1)));
        assertThat(ph.thresholdSpeed(LocalDate.of(2026, 7, 1))).isGreaterThan(ph.thresholdSpeed(
                LocalDate.of(2023, 12, 1)));
    }

    @Test
    void summariesAreConsistentWithTheirStreams() {
        for (ActivityPlan p : GEN.plans().subList(0, 30)) {
            if (p.manual()) {
                continue;
            }
            ObjectNode s = GEN.summary(p);
            ActivityStreams st = GEN.samples(p).orElseThrow();
            assertThat(s.path("elapsed_time").asInt()).isGreaterThanOrEqualTo(s.path("moving_time").asInt());
            assertThat(s.path("elapsed_time").asInt()).isEqualTo(st.time()[st.size() - 1] + 1);
            if (st.distance() != null) {
                assertThat(s.path("distance").asDouble()).isEqualTo(st.distance()[st.size() - 1]);
            }
            if (s.has("max_heartrate")) {
                assertThat(s.path("max_heartrate").asDouble()).isGreaterThanOrEqualTo(
                        s.path("average_heartrate").asDouble());
            }
            if (s.has("weighted_average_watts")) {
                assertThat(s.path("max_watts").asInt()).isGreaterThanOrEqualTo(s.path("average_watts").asInt());
            }
        }
    }

    @Test
    void largeHistoriesKeepOnlyPlansInMemory() {
        AthleteGenerator big = new AthleteGenerator(7, 3000, 8);
        assertThat(big.plans()).hasSize(3000);
        ActivityPlan last = big.plans().get(2999);
        assertThat(big.detail(last.id())).isPresent();
        assertThat(big.plans().stream().filter(p -> p.kind() == ActivityKind.RIDE_FTP_TEST).count()).isEqualTo(120);
    }
}
