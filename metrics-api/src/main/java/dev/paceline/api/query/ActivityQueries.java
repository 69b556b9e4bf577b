package dev.paceline.api.query;

import dev.paceline.api.problem.BadParameter;
import dev.paceline.api.problem.NotFoundProblem;
import dev.paceline.api.snapshot.AthleteMarts;
import dev.paceline.api.snapshot.Build;
import dev.paceline.api.snapshot.LoadedMart;
import dev.paceline.api.snapshot.MartTable;
import dev.paceline.api.snapshot.Marts;
import dev.paceline.api.snapshot.RowsByActivity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Athlete profiles and activities (list with filters and keyset paging; one activity with its zones and bests). */
@ApplicationScoped
public class ActivityQueries {

    /** Columns of GET /athletes. */
    static final List<String> ATHLETE_SUMMARY = List.of("athlete_id", "name", "sex", "city", "country", "activity_count",
            "first_activity_date", "last_activity_date");

    /** The marts of the athlete list (per athlete). */
    public static final List<String> ATHLETES_MARTS = List.of(Marts.ATHLETE);

    /** One summary row per athlete (in the given order), from each one's mart_athlete. */
    public Rows athletes(List<AthleteMarts> athletes) {
        Rows out = new Rows(ATHLETE_SUMMARY);
        for (AthleteMarts a : athletes) {
            MartTable t = a.get(Marts.ATHLETE).table();
            if (t.rows() == 0) {
                Object[] v = new Object[ATHLETE_SUMMARY.size()];
                v[0] = a.athleteId();
                out.add(v);
            } else {
                out.addFrom(t, 0);
            }
        }
        return out;
    }

    public Query athlete(long athleteId) {
        return Query.of(Marts.ATHLETE, marts -> athlete(marts.get(Marts.ATHLETE), athleteId));
    }

    private Answer athlete(LoadedMart m, long athleteId) {
        Rows rows = new Rows(columnsOf(m.table(), false));
        if (m.table().rows() > 0) {
            rows.addFrom(m.table(), 0);
        } else {
            Object[] v = new Object[rows.columns().size()];
            v[rows.columns().indexOf("athlete_id")] = athleteId;
            rows.add(v);
        }
        return new Answer(() -> Answer.Result.object(rows, Map.of()));
    }

    /** Filters of the activity list; null means "any". */
    public record ActivityFilter(DateRange dates, String sport, String type, String subtype, Boolean race, int limit,
            String cursor) {
    }

    public Query activities(ActivityFilter f) {
        long[] after = f.cursor() == null ? null : decodeCursor(f.cursor());
        return Query.of(Marts.ACTIVITIES, marts -> activities(marts.get(Marts.ACTIVITIES), f, after));
    }

    private Answer activities(LoadedMart m, ActivityFilter f, long[] after) {
        return new Answer(() -> {
            Page page = listActivities(m, f, after);
            return new Answer.Result(page.rows, false, Map.of(),
                    page.next == null ? Map.of() : Map.of("Paceline-Next-Cursor", page.next));
        });
    }

    private record Page(Rows rows, String next) {
    }

    private Page listActivities(LoadedMart m, ActivityFilter f, long[] after) {
        MartTable t = m.table();
        ActivityIndex idx = m.derived(ActivityIndex.class, ActivityIndex::new);
        int[] dates = t.dates("local_date");
        String[] sport = t.strings("sport");
        String[] type = t.strings("activity_type");
        String[] subtype = t.strings("activity_subtype");
        byte[] race = t.bools("is_race");
        Rows rows = new Rows(columnsOf(t, false));
        String next = null;
        for (int r : idx.newestFirst) {
            if (after != null && !(idx.start[r] < after[0] || (idx.start[r] == after[0] && idx.ids[r] < after[1]))) {
                continue;
            }
            if (!f.dates().contains(dates[r]) || (f.sport() != null && !f.sport().equals(sport[r]))
                    || (f.type() != null && !f.type().equals(type[r]))
                    || (f.subtype() != null && !f.subtype().equals(subtype[r]))
                    || (f.race() != null && race[r] != (f.race() ? 1 : 0))) {
                continue;
            }
            if (rows.size() == f.limit()) {
                int last = idx.byId.get((Long) rows.rows().get(rows.size() - 1)[rows.columns().indexOf("activity_id")]);
                next = encodeCursor(idx.start[last], idx.ids[last]);
                break;
            }
            rows.addFrom(t, r);
        }
        return new Page(rows, next);
    }

    /** One activity with its zone times, power bests and run bests. */
    public Query activity(Build build, long athleteId, long activityId) {
        return new Query(List.of(Marts.ACTIVITIES, Marts.ZONE_TIMES, Marts.POWER_BESTS, Marts.RUN_BESTS),
                marts -> activity(build, athleteId, activityId, marts));
    }

    private Answer activity(Build build, long athleteId, long activityId, AthleteMarts marts) {
        LoadedMart m = marts.get(Marts.ACTIVITIES);
        ActivityIndex idx = m.derived(ActivityIndex.class, ActivityIndex::new);
        Integer row = idx.byId.get(activityId);
        if (row == null) {
            throw new NotFoundProblem("activity " + activityId + " of athlete " + athleteId + " is not in build " + build.id());
        }
        LoadedMart zones = marts.get(Marts.ZONE_TIMES);
        LoadedMart power = marts.get(Marts.POWER_BESTS);
        LoadedMart run = marts.get(Marts.RUN_BESTS);
        Rows fields = new Rows(columnsOf(m.table(), false)).addFrom(m.table(), row);
        return new Answer(() -> {
            Map<String, Rows> nested = new LinkedHashMap<>();
            nested.put("zone_times", nested(zones, activityId,
                    List.of("zone_type", "zone", "lower", "upper", "seconds", "coverage")));
            nested.put("power_bests", nested(power, activityId, List.of("duration_s", "watts", "start_s", "coverage")));
            nested.put("run_bests", nested(run, activityId, List.of("distance_name", "distance_m", "time_s", "start_s")));
            return Answer.Result.object(fields, nested);
        });
    }

    private static Rows nested(LoadedMart m, long activityId, List<String> columns) {
        Rows rows = new Rows(columns);
        if (m.table().rows() == 0) {
            return rows;
        }
        for (int r : m.derived(RowsByActivity.class, RowsByActivity::new).rows(activityId)) {
            rows.addFrom(m.table(), r);
        }
        return rows;
    }

    /** The table's columns without athlete_id (implied by the URL) unless asked for. */
    static List<String> columnsOf(MartTable t, boolean withAthlete) {
        List<String> cols = new ArrayList<>();
        for (MartTable.Column c : t.columns()) {
            if (withAthlete || !c.name().equals("athlete_id") || t.mart().equals(Marts.ATHLETE)) {
                cols.add(c.name());
            }
        }
        return cols;
    }

    static String encodeCursor(long startEpoch, long activityId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + startEpoch + ":" + activityId).getBytes(StandardCharsets.UTF_8));
    }

    /** {start epoch second, activity id} of the last row of the previous page. */
    static long[] decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] p = s.split(":");
            if (p.length != 3 || !p[0].equals("v1")) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            return new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])};
        } catch (IllegalArgumentException e) {
            throw new BadParameter("cursor", "cursor '" + cursor + "' is not a cursor this API issued: pass the value of "
                    + "the Paceline-Next-Cursor header of the previous page, with the same filters");
        }
    }

    /** Activities by id and newest first. */
    static final class ActivityIndex implements LoadedMart.Derived {
        final long[] ids;
        final long[] start;
        final int[] newestFirst;
        final Map<Long, Integer> byId;

        ActivityIndex(MartTable t) {
            ids = t.longs("activity_id");
            start = new long[t.rows()];
            String[] utc = t.strings("start_date");
            String[] local = t.strings("start_date_local");
            byId = new HashMap<>();
            Integer[] order = new Integer[t.rows()];
            for (int r = 0; r < t.rows(); r++) {
                start[r] = epoch(utc[r], local[r]);
                byId.put(ids[r], r);
                order[r] = r;
            }
            java.util.Arrays.sort(order, (a, b) -> start[a] != start[b] ? Long.compare(start[b], start[a])
                    : Long.compare(ids[b], ids[a]));
            newestFirst = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                newestFirst[i] = order[i];
            }
        }

        /** Epoch second of start_date (ISO with Z, or a zone-less UTC date-time), else of start_date_local. */
        private static long epoch(String utc, String local) {
            for (String t : new String[] {utc, local}) {
                if (t == null) {
                    continue;
                }
                try {
                    return Instant.parse(t).getEpochSecond();
                } catch (RuntimeException e) {
                    try {
                        String s = t.replace(' ', 'T');
                        return LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s)
                                .toEpochSecond(ZoneOffset.UTC);
                    } catch (RuntimeException ignored) {
                        // try the next column
                    }
                }
            }
            return Long.MIN_VALUE; // unparsable: sorts last in newest-first order
        }

        @Override
        public long estimatedBytes() {
            return 28L * ids.length + 64L * byId.size();
        }
    }
}
