package dev.paceline.transform.stats;

import static dev.paceline.platform.warehouse.ColumnType.FLOAT64;
import static dev.paceline.platform.warehouse.ColumnType.INT64;
import static dev.paceline.platform.warehouse.ColumnType.STRING;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.RowAppender;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.stats.ActivityStats;
import dev.paceline.stats.ChannelSummary;
import dev.paceline.stats.Coverage;
import dev.paceline.stats.Histogram;
import dev.paceline.stats.NormalizedPower;
import dev.paceline.stats.Options;
import dev.paceline.stats.PowerBest;
import dev.paceline.stats.RunBest;
import dev.paceline.stats.StreamFormatException;
import dev.paceline.stats.StreamSet;
import dev.paceline.transform.JavaModel;
import dev.paceline.transform.ModelException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-activity stream statistics, in one pass: each changed activity's streams object is read once from the lake,
 * parsed into primitive arrays, and every statistic ({@link ActivityStats}) is computed from it and appended to four
 * tables at once. The statistics are computed without FTP or heart-rate settings: IF, TSS and hrTSS depend on
 * thresholds that change over time and are computed in SQL from the kept sufficient statistics (NP and its seconds,
 * average HR and its seconds), and time in zones sums histogram buckets between the zone bounds in force, so a
 * setting change never re-reads streams.
 */
@Singleton
public class StreamStatistics implements JavaModel {

    /** Activities parsed and computed in parallel before their rows are appended (bounds the arrays held at once). */
    private static final int CHUNK = 64;

    public static final Table STREAM_STATS = new Table("int_activity_stream_stats",
            "one row per activity with a time stream (athlete_id, activity_id): 1 Hz grid coverage, channel summaries, NP",
            schemaOf(Column.of("samples", INT64), Column.of("elapsed_s", INT64), Column.of("recorded_s", INT64),
                    Column.of("moving_s", INT64), Column.of("power_s", INT64), Column.of("power_moving_s", INT64),
                    Column.of("heartrate_s", INT64), Column.of("heartrate_moving_s", INT64),
                    Column.of("speed_s", INT64), Column.of("speed_moving_s", INT64),
                    Column.of("avg_power_w", FLOAT64), Column.of("max_power_w", FLOAT64),
                    Column.of("avg_hr_bpm", FLOAT64), Column.of("max_hr_bpm", FLOAT64),
                    Column.of("avg_speed_mps", FLOAT64), Column.of("max_speed_mps", FLOAT64),
                    Column.of("np_w", FLOAT64), Column.of("np_s", INT64)),
            key(),
            List.of("unique: athlete_id, activity_id", "not_null: athlete_id, activity_id, recorded_s, moving_s",
                    "expression: recorded_s >= moving_s", "expression: elapsed_s >= recorded_s",
                    "expression: max_power_w >= avg_power_w", "expression: max_hr_bpm >= avg_hr_bpm",
                    "expression: max_speed_mps >= avg_speed_mps"));

    /**
     * The mean-maximal power curve of each activity with a power stream, on the log-spaced duration grid of
     * {@code PowerBests.curveDurations} (which holds the nine standard power-best durations): only qualifying windows
     * (≥ 90 % of the seconds with power). Whether the activity counts (a ride with {@code device_watts}) is decided
     * downstream in SQL.
     */
    public static final Table POWER_CURVE = new Table("int_activity_power_curve",
            "one row per activity and curve duration with a qualifying window (athlete_id, activity_id, duration_s)",
            schemaOf(Column.of("duration_s", INT64), Column.of("watts", FLOAT64), Column.of("start_s", INT64),
                    Column.of("coverage", FLOAT64)),
            key("duration_s"),
            List.of("unique: athlete_id, activity_id, duration_s",
                    "not_null: athlete_id, activity_id, duration_s, watts, start_s, coverage",
                    "expression: coverage >= 0.9 and coverage <= 1",
                    "expression: duration_s >= 1 and start_s >= 0"));

    /**
     * Seconds of the 1 Hz grid per value bucket — whole bpm ({@code heartrate}), whole watts ({@code power}) and
     * 0.01 m/s ({@code speed}) — recorded and moving.
     */
    public static final Table HISTOGRAMS = new Table("int_activity_histograms",
            "one row per activity, channel (heartrate | power | speed) and non-empty value bucket",
            schemaOf(Column.of("kind", STRING), Column.of("bucket", INT64), Column.of("value", FLOAT64),
                    Column.of("recorded_s", INT64), Column.of("moving_s", INT64)),
            key("kind", "bucket"),
            List.of("unique: athlete_id, activity_id, kind, bucket",
                    "not_null: athlete_id, activity_id, kind, bucket, value, recorded_s, moving_s",
                    "accepted_values: kind in (heartrate, power, speed)",
                    "expression: recorded_s >= moving_s and moving_s >= 0"));

    /**
     * The shortest elapsed time over each standard distance the activity's distance stream covers (time interpolated
     * where the distance crosses the boundaries). Whether the activity counts (a run) is decided downstream in SQL.
     */
    public static final Table RUN_BESTS = new Table("int_activity_run_bests",
            "one row per activity and standard distance it covers (athlete_id, activity_id, distance_name)",
            schemaOf(Column.of("distance_name", STRING), Column.of("distance_m", FLOAT64),
                    Column.of("time_s", FLOAT64), Column.of("start_s", FLOAT64), Column.of("end_s", FLOAT64)),
            key("distance_name"),
            List.of("unique: athlete_id, activity_id, distance_name",
                    "not_null: athlete_id, activity_id, distance_name, distance_m, time_s, start_s",
                    "accepted_values: distance_name in (400m, 1k, 1mile, 5k, 10k, half_marathon, marathon)",
                    "expression: time_s > 0 and end_s >= start_s"));

    @Override
    public List<Table> tables() {
        return List.of(STREAM_STATS, POWER_CURVE, HISTOGRAMS, RUN_BESTS);
    }

    @Override
    public void compute(Lake lake, List<ActivityRef> activities, Map<String, RowAppender> out) {
        RowAppender stats = out.get(STREAM_STATS.name());
        RowAppender curve = out.get(POWER_CURVE.name());
        RowAppender histograms = out.get(HISTOGRAMS.name());
        RowAppender runBests = out.get(RUN_BESTS.name());
        for (int from = 0; from < activities.size(); from += CHUNK) {
            List<ActivityRef> chunk = activities.subList(from, Math.min(activities.size(), from + CHUNK));
            // Reading, parsing and computing are pure per activity: in parallel; rows are appended in activity order.
            List<Optional<ActivityStats>> computed = chunk.parallelStream().map(ref -> stats(lake, ref)).toList();
            for (int i = 0; i < chunk.size(); i++) {
                ActivityRef ref = chunk.get(i);
                Optional<ActivityStats> s = computed.get(i);
                if (s.isEmpty()) {
                    continue;
                }
                streamStatsRow(stats, ref, s.get());
                for (PowerBest b : s.get().powerCurve()) {
                    curve.append(ref.athleteId(), ref.activityId(), (long) b.durationS(), b.watts(), (long) b.startS(),
                            b.coverage());
                }
                for (Histogram h : List.of(s.get().heartrateHistogram(), s.get().powerHistogram(), s.get().speedHistogram())) {
                    for (int k = 0; k < h.size(); k++) {
                        histograms.append(ref.athleteId(), ref.activityId(), h.kind().key(), (long) h.bucket(k), h.value(k),
                                (long) h.recordedS(k), (long) h.movingS(k));
                    }
                }
                for (RunBest b : s.get().runBests()) {
                    runBests.append(ref.athleteId(), ref.activityId(), b.name(), b.distanceM(), b.timeS(), b.startS(), b.endS());
                }
            }
        }
    }

    private static void streamStatsRow(RowAppender out, ActivityRef ref, ActivityStats s) {
        Coverage c = s.coverage();
        NormalizedPower np = s.normalizedPower();
        out.append(ref.athleteId(), ref.activityId(), (long) c.samples(), (long) c.elapsedS(), (long) c.recordedS(),
                (long) c.movingS(), (long) c.powerS(), (long) c.powerMovingS(), (long) c.heartrateS(),
                (long) c.heartrateMovingS(), (long) c.speedS(), (long) c.speedMovingS(),
                avg(s.power()), max(s.power()), avg(s.heartrate()), max(s.heartrate()), avg(s.speed()), max(s.speed()),
                np == null ? null : np.npW(), np == null ? null : (Object) (long) np.seconds());
    }

    private static Double avg(ChannelSummary c) {
        return c == null ? null : c.avg();
    }

    private static Double max(ChannelSummary c) {
        return c == null ? null : c.max();
    }

    /** The statistics of an activity's streams, or empty when it has no streams object or no time stream. */
    static Optional<ActivityStats> stats(Lake lake, ActivityRef ref) {
        Optional<byte[]> bytes = lake.get(ref.streamsPath());
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            StreamSet streams = StreamSet.parse(bytes.get());
            return streams.size() == 0 ? Optional.empty() : Optional.of(ActivityStats.compute(streams, Options.defaults()));
        } catch (StreamFormatException e) {
            throw new ModelException("streams of activity " + ref.activityId() + " (athlete " + ref.athleteId() + ") at "
                    + ref.streamsPath() + " cannot be read: " + e.getMessage()
                    + "; re-fetch the activity's streams (ingest) or delete the object", e);
        } catch (IllegalArgumentException e) {
            throw new ModelException("streams of activity " + ref.activityId() + " (athlete " + ref.athleteId() + ") at "
                    + ref.streamsPath() + " are not usable: " + e.getMessage(), e);
        }
    }

    /** The schema {@code athlete_id, activity_id} (INT64) followed by {@code extra}. */
    private static TableSchema schemaOf(Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("athlete_id", INT64), Column.of("activity_id", INT64)));
        columns.addAll(List.of(extra));
        return new TableSchema(columns);
    }

    /** The key {@code athlete_id, activity_id} followed by {@code extra}. */
    private static List<String> key(String... extra) {
        List<String> k = new ArrayList<>(List.of("athlete_id", "activity_id"));
        k.addAll(List.of(extra));
        return List.copyOf(k);
    }
}
