package dev.paceline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paceline.stats.ActivityStats;
import dev.paceline.stats.Options;
import dev.paceline.stats.PowerBest;
import dev.paceline.stats.PowerBests;
import dev.paceline.stats.StreamSet;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The export's FIT files against the same recordings as API-shaped payloads (src/test/resources/recordings): the
 * streams this module writes give the same power bests and NP as Strava's, computed by activity-stats on both sides.
 */
class KnownAnswersTest {

    private static ActivityStats fromApi(int id) throws IOException {
        try (InputStream in = Fixtures.open("/recordings/streams/" + id + ".json")) {
            return ActivityStats.compute(StreamSet.parse(in), Options.defaults());
        }
    }

    private static ActivityStats fromFile(String name) {
        Track t = Fixtures.exportFile(name).get(0).track();
        return ActivityStats.compute(StreamSet.parse(StravaPayloads.streams(t)), Options.defaults());
    }

    private static void samePowerAnswers(ActivityStats file, ActivityStats api) {
        double np = api.normalizedPower().npW();
        assertThat(file.normalizedPower().npW()).isCloseTo(np, within(Math.max(0.5, 0.01 * np)));
        int compared = 0;
        for (int d : PowerBests.STANDARD_DURATIONS_S) {
            PowerBest a = api.powerBest(d);
            if (a == null) {
                continue;
            }
            PowerBest f = file.powerBest(d);
            assertThat(f).as("best %d s", d).isNotNull();
            assertThat(f.watts()).as("best %d s", d).isCloseTo(a.watts(), within(Math.max(0.5, 0.01 * a.watts())));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(5);
    }

    @Test
    void edge810RideFromItsFitFileHasTheApiPayloadsBestsAndNp() throws IOException {
        ActivityStats api = fromApi(2001);
        ActivityStats file = fromFile("3001.fit.gz");
        samePowerAnswers(file, api);
        assertThat(file.normalizedPower().npW()).isCloseTo(301.05, within(0.5));
    }

    @Test
    void indoorTrainerRideFromItsFitFileHasTheApiPayloadsBestsAndNp() throws IOException {
        samePowerAnswers(fromFile("3002.fit.gz"), fromApi(2002));
    }

    @Test
    void runningPowerFromDeveloperFieldsHasTheApiPayloadsBestsAndNp() throws IOException {
        ActivityStats file = fromFile("3003.fit");
        samePowerAnswers(file, fromApi(2003));
        assertThat(file.normalizedPower().npW()).isCloseTo(220.1, within(0.5));
    }
}
