package dev.paceline.simulator.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds Strava-shaped JSON (SummaryActivity, DetailedActivity with laps, splits and best efforts) for generated
 * activities. Field names, nesting and JSON types follow the recorded real answers (integers stay integers,
 * Strava's floats stay floats, absent values are JSON null where Strava sends null).
 */
public final class StravaJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final double[] BEST_EFFORT_METERS = {400, 805, 1000, 1609, 3219, 5000, 10000, 15000, 16090,
            20000, 21097, 42195};
    private static final String[] BEST_EFFORT_NAMES = {"400m", "1/2 mile", "1k", "1 mile", "2 mile", "5k", "10k",
            "15k", "10 mile", "20k", "Half-Marathon", "Marathon"};

    private StravaJson() {
    }

    /** Strava's deprecated {@code type} for a {@code sport_type}. */
    public static String legacyType(String sportType) {
        return switch (sportType) {
            case "TrailRun" -> "Run";
            case "GravelRide", "MountainBikeRide" -> "Ride";
            default -> sportType;
        };
    }

    public static String utc(Instant instant) {
        return ISO.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Wall-clock time with a fake Z, as Strava's {@code start_date_local}. */
    public static String local(Instant instant, java.time.ZoneId zone) {
        LocalDateTime wall = LocalDateTime.ofInstant(instant, zone);
        return ISO.format(wall);
    }

    /** Strava's {@code timezone} label: the zone's standard offset and its id. */
    public static String timezoneLabel(Instant instant, java.time.ZoneId zone) {
        ZoneOffset std = zone.getRules().getStandardOffset(instant);
        String off = std.getId().equals("Z") ? "+00:00" : std.getId();
        return "(GMT" + off + ") " + zone.getId();
    }

    /** A SummaryActivity (resource_state 2). */
    public static ObjectNode summary(ActivityPlan plan, ActivitySummaryFacts facts) {
        ActivityStats st = facts.stats();
        ObjectNode o = F.objectNode();
        o.put("resource_state", 2);
        o.set("athlete", athleteRef(plan.athleteId()));
        o.put("name", plan.name());
        o.put("distance", st.distance());
        o.put("moving_time", st.movingTime());
        o.put("elapsed_time", st.elapsedTime());
        o.put("total_elevation_gain", st.elevationGain());
        o.put("type", legacyType(plan.sportType()));
        o.put("sport_type", plan.sportType());
        if (plan.workoutType() == null) {
            o.putNull("workout_type");
        } else {
            o.put("workout_type", plan.workoutType());
        }
        o.put("id", plan.id());
        o.put("start_date", utc(plan.start()));
        o.put("start_date_local", local(plan.start(), plan.zone()));
        o.put("timezone", timezoneLabel(plan.start(), plan.zone()));
        o.put("utc_offset", (double) plan.zone().getRules().getOffset(plan.start()).getTotalSeconds());
        o.putNull("location_city");
        o.putNull("location_state");
        o.put("location_country", plan.zone().getId().startsWith("America/") ? "United States" : "United Kingdom");
        o.put("achievement_count", (int) (plan.seed() & 3));
        o.put("kudos_count", (int) ((plan.seed() >>> 3) % 12));
        o.put("comment_count", (int) ((plan.seed() >>> 7) % 3));
        o.put("athlete_count", 1 + (int) ((plan.seed() >>> 9) % 2));
        o.put("photo_count", 0);
        ObjectNode map = o.putObject("map");
        map.put("id", "a" + plan.id());
        map.put("summary_polyline", facts.summaryPolyline());
        map.put("resource_state", 2);
        o.put("trainer", plan.trainer());
        o.put("commute", plan.commute());
        o.put("manual", plan.manual());
        o.put("private", plan.isPrivate());
        o.put("visibility", plan.isPrivate() ? "only_me" : "everyone");
        o.put("flagged", false);
        if (plan.gearId() == null) {
            o.putNull("gear_id");
        } else {
            o.put("gear_id", plan.gearId());
        }
        latlng(o, "start_latlng", facts.startLat(), facts.startLng());
        latlng(o, "end_latlng", facts.endLat(), facts.endLng());
        o.put("average_speed", st.averageSpeed());
        o.put("max_speed", st.maxSpeed());
        if (st.averageCadence() != null) {
            o.put("average_cadence", st.averageCadence());
        }
        if (st.averageTemp() != null) {
            o.put("average_temp", st.averageTemp());
        }
        if (st.averageWatts() != null) {
            o.put("average_watts", st.averageWatts());
            if (st.maxWatts() != null) {
                o.put("max_watts", st.maxWatts());
                o.put("weighted_average_watts", st.weightedAverageWatts());
            }
            o.put("kilojoules", st.kilojoules());
            o.put("device_watts", plan.deviceWatts());
        }
        o.put("has_heartrate", st.averageHeartrate() != null);
        if (st.averageHeartrate() != null) {
            o.put("average_heartrate", st.averageHeartrate());
            o.put("max_heartrate", st.maxHeartrate());
        }
        o.put("heartrate_opt_out", false);
        o.put("display_hide_heartrate_option", st.averageHeartrate() != null);
        if (st.elevHigh() != null) {
            o.put("elev_high", st.elevHigh());
            o.put("elev_low", st.elevLow());
        }
        if (plan.manual()) {
            o.putNull("upload_id");
            o.putNull("upload_id_str");
            o.putNull("external_id");
        } else {
            long upload = plan.id() + 1_000_000_000L;
            o.put("upload_id", upload);
            o.put("upload_id_str", Long.toString(upload));
            o.put("external_id", "garmin_ping_" + (plan.id() * 31 + 7));
        }
        o.put("from_accepted_tag", false);
        o.put("pr_count", (int) ((plan.seed() >>> 11) % 3));
        o.put("total_photo_count", 0);
        o.put("has_kudoed", false);
        if (st.averageHeartrate() != null) {
            o.put("suffer_score", st.sufferScore());
        }
        return o;
    }

    /** A DetailedActivity (resource_state 3): the summary plus laps, splits, best efforts, gear and device. */
    public static ObjectNode detail(ActivityPlan plan, ActivitySummaryFacts facts, ActivitySimulator.Result sim) {
        ObjectNode o = summary(plan, facts);
        o.put("resource_state", 3);
        ObjectNode map = (ObjectNode) o.get("map");
        map.put("polyline", facts.summaryPolyline());
        map.put("resource_state", 3);
        o.put("description", description(plan));
        o.put("calories", facts.stats().calories());
        o.putNull("perceived_exertion");
        o.put("prefer_perceived_exertion", false);
        o.putArray("segment_efforts");
        boolean foot = plan.kind().isRun() || plan.kind() == ActivityKind.WALK || plan.kind() == ActivityKind.HIKE;
        if (sim != null && foot && plan.hasDistance()) {
            o.set("splits_metric", splits(sim.streams(), 1000, plan));
            o.set("splits_standard", splits(sim.streams(), 1609.34, plan));
        }
        o.set("laps", sim == null ? manualLaps(plan, facts) : laps(plan, sim));
        if (sim != null && plan.kind().isRun() && plan.hasDistance()) {
            o.set("best_efforts", bestEfforts(plan, sim.streams()));
        }
        if (plan.gearId() != null) {
            ObjectNode gear = o.putObject("gear");
            gear.put("id", plan.gearId());
            gear.put("primary", true);
            gear.put("name", plan.kind().isRide() ? "Canyon Endurace CF" : "Saucony Endorphin Speed");
            gear.put("nickname", plan.kind().isRide() ? "Endurace" : "Speedies");
            gear.put("resource_state", 2);
            gear.put("retired", false);
            gear.put("distance", 1_234_567);
            gear.put("converted_distance", 1234.6);
        }
        ObjectNode photos = o.putObject("photos");
        photos.putNull("primary");
        photos.put("use_primary_photo", false);
        photos.put("count", 0);
        ArrayNode vis = o.putArray("stats_visibility");
        for (String t : new String[]{"heart_rate", "pace", "power", "speed", "calories"}) {
            vis.addObject().put("type", t).put("visibility", "everyone");
        }
        o.put("hide_from_home", false);
        if (plan.deviceName() != null) {
            o.put("device_name", plan.deviceName());
        }
        o.put("embed_token", Long.toHexString(plan.seed()) + Long.toHexString(plan.id()));
        ArrayNode zones = o.putArray("available_zones");
        if (facts.stats().averageHeartrate() != null) {
            zones.add("heartrate");
        }
        if (plan.deviceWatts()) {
            zones.add("power");
        }
        if (plan.kind().isRun()) {
            zones.add("pace");
        }
        return o;
    }

    private static String description(ActivityPlan plan) {
        if (plan.known() != null && plan.known().watts() != null) {
            return "Indoor 20-minute test: " + plan.known().watts() + " W held for " + plan.known().seconds() + " s.";
        }
        if (plan.known() != null && plan.known().meters() != null) {
            return "Even pacing from the gun.";
        }
        return plan.manual() ? "Logged by hand." : "";
    }

    private static ObjectNode athleteRef(long athleteId) {
        ObjectNode a = F.objectNode();
        a.put("id", athleteId);
        a.put("resource_state", 1);
        return a;
    }

    private static ObjectNode activityRef(ActivityPlan plan) {
        ObjectNode a = F.objectNode();
        a.put("id", plan.id());
        a.put("visibility", plan.isPrivate() ? "only_me" : "everyone");
        a.put("resource_state", 1);
        return a;
    }

    private static void latlng(ObjectNode o, String field, Double lat, Double lng) {
        ArrayNode a = o.putArray(field);
        if (lat != null) {
            a.add(lat).add(lng);
        }
    }

    private static ArrayNode manualLaps(ActivityPlan plan, ActivitySummaryFacts facts) {
        ArrayNode laps = F.arrayNode();
        ObjectNode lap = lapBase(plan, 1, plan.start());
        ActivityStats st = facts.stats();
        lap.put("elapsed_time", st.elapsedTime());
        lap.put("moving_time", st.movingTime());
        lap.put("start_date", utc(plan.start()));
        lap.put("start_date_local", local(plan.start(), plan.zone()));
        lap.put("distance", st.distance());
        lap.put("average_speed", st.averageSpeed());
        lap.put("max_speed", st.maxSpeed());
        lap.put("lap_index", 1);
        lap.put("split", 1);
        lap.put("start_index", 0);
        lap.put("end_index", 0);
        lap.put("total_elevation_gain", 0.0);
        lap.put("device_watts", false);
        laps.add(lap);
        return laps;
    }

    private static ObjectNode lapBase(ActivityPlan plan, int index, Instant start) {
        ObjectNode lap = F.objectNode();
        lap.put("id", plan.id() * 100 + index);
        lap.put("resource_state", 2);
        lap.put("name", "Lap " + index);
        lap.set("activity", activityRef(plan));
        lap.set("athlete", athleteRef(plan.athleteId()));
        return lap;
    }

    private static ArrayNode laps(ActivityPlan plan, ActivitySimulator.Result sim) {
        ActivityStreams s = sim.streams();
        ArrayNode laps = F.arrayNode();
        int from = 0;
        int index = 1;
        for (int end : sim.lapEnds()) {
            if (end < from) {
                continue;
            }
            Instant start = plan.start().plusSeconds(s.time()[from]);
            ObjectNode lap = lapBase(plan, index, start);
            Window w = Window.of(s, from, end);
            lap.put("elapsed_time", w.elapsed);
            lap.put("moving_time", w.moving);
            lap.put("start_date", utc(start));
            lap.put("start_date_local", local(start, plan.zone()));
            lap.put("distance", round(w.distance, 2));
            lap.put("average_speed", w.moving == 0 ? 0.0 : round(w.distance / w.moving, 2));
            lap.put("max_speed", round(w.maxSpeed, 3));
            lap.put("lap_index", index);
            lap.put("split", index);
            lap.put("start_index", from);
            lap.put("end_index", end);
            lap.put("total_elevation_gain", round(w.gain, 1));
            if (w.cadence != null) {
                lap.put("average_cadence", round(w.cadence, 1));
            }
            lap.put("device_watts", plan.deviceWatts());
            if (w.watts != null) {
                lap.put("average_watts", round(w.watts, 1));
            }
            if (w.hr != null) {
                lap.put("average_heartrate", round(w.hr, 1));
                lap.put("max_heartrate", (double) w.maxHr);
            }
            if (plan.kind().isRun()) {
                lap.put("pace_zone", 0);
            }
            laps.add(lap);
            from = end + 1;
            index++;
        }
        return laps;
    }

    private static ArrayNode splits(ActivityStreams s, double splitMeters, ActivityPlan plan) {
        ArrayNode out = F.arrayNode();
        double[] d = s.distance();
        int from = 0;
        int split = 1;
        for (int i = 1; i < s.size(); i++) {
            boolean last = i == s.size() - 1;
            if (d[i] - d[from] >= splitMeters || (last && d[i] - d[from] > 10)) {
                Window w = Window.of(s, from, i);
                ObjectNode o = out.addObject();
                o.put("distance", round(w.distance, 1));
                o.put("elapsed_time", w.elapsed);
                o.put("elevation_difference", s.altitude() == null ? 0.0
                        : round(s.altitude()[i] - s.altitude()[from], 1));
                o.put("moving_time", w.moving);
                o.put("split", split++);
                double avg = w.moving == 0 ? 0 : w.distance / w.moving;
                o.put("average_speed", round(avg, 2));
                o.put("average_grade_adjusted_speed", round(avg * (1 + 0.5 * w.gradeMean / 100), 2));
                if (w.hr != null) {
                    o.put("average_heartrate", round(w.hr, 1));
                }
                o.put("pace_zone", paceZone(avg, plan.thresholdSpeed()));
                from = i;
            }
        }
        return out;
    }

    private static int paceZone(double speed, double threshold) {
        if (speed <= 0) {
            return 0;
        }
        double ratio = threshold / speed;
        double[] bounds = {1.29, 1.14, 1.06, 1.01, 0.97, 0.90};
        for (int z = 0; z < bounds.length; z++) {
            if (ratio > bounds[z]) {
                return z + 1;
            }
        }
        return 7;
    }

    /** Strava-like best efforts: for each distance, the fastest run of samples covering it. */
    static ArrayNode bestEfforts(ActivityPlan plan, ActivityStreams s) {
        ArrayNode out = F.arrayNode();
        double[] d = s.distance();
        int[] t = s.time();
        double total = d[d.length - 1];
        for (int k = 0; k < BEST_EFFORT_METERS.length; k++) {
            double meters = BEST_EFFORT_METERS[k];
            if (total < meters) {
                break;
            }
            int bestTime = Integer.MAX_VALUE;
            int bestStart = 0;
            int bestEnd = 0;
            int i = 0;
            for (int j = 0; j < d.length; j++) {
                while (i + 1 <= j && d[j] - d[i + 1] >= meters) {
                    i++;
                }
                if (d[j] - d[i] >= meters && t[j] - t[i] < bestTime) {
                    bestTime = t[j] - t[i];
                    bestStart = i;
                    bestEnd = j;
                }
            }
            Instant start = plan.start().plusSeconds(t[bestStart]);
            ObjectNode e = out.addObject();
            e.put("id", plan.id() * 100 + 50 + k);
            e.put("resource_state", 2);
            e.put("name", BEST_EFFORT_NAMES[k]);
            e.set("activity", activityRef(plan));
            e.set("athlete", athleteRef(plan.athleteId()));
            e.put("elapsed_time", bestTime);
            e.put("moving_time", bestTime);
            e.put("start_date", utc(start));
            e.put("start_date_local", local(start, plan.zone()));
            e.put("distance", (int) meters);
            e.putNull("pr_rank");
            e.putArray("achievements");
            e.put("start_index", bestStart);
            e.put("end_index", bestEnd);
        }
        return out;
    }

    static double round(double x, int decimals) {
        return ActivitySimulator.round(x, decimals);
    }

    /** Aggregates over recorded samples {@code [from, to]}; a sample stands for the time until the next one. */
    private static final class Window {
        int elapsed;
        int moving;
        double distance;
        double maxSpeed;
        double gain;
        double gradeMean;
        Double cadence;
        Double watts;
        Double hr;
        int maxHr;

        static Window of(ActivityStreams s, int from, int to) {
            Window w = new Window();
            int[] t = s.time();
            w.elapsed = (to + 1 < t.length ? t[to + 1] : t[to] + 1) - t[from];
            double cadSum = 0;
            int cadN = 0;
            double wattSum = 0;
            double hrSum = 0;
            double gradeSum = 0;
            int n = 0;
            for (int i = from; i <= to; i++) {
                int dt = i + 1 < t.length ? t[i + 1] - t[i] : 1;
                if (s.moving()[i] && dt <= 10) {
                    w.moving += dt;
                }
                if (s.velocity() != null) {
                    w.maxSpeed = Math.max(w.maxSpeed, s.velocity()[i]);
                }
                if (s.altitude() != null && i > from && s.altitude()[i] > s.altitude()[i - 1]) {
                    w.gain += s.altitude()[i] - s.altitude()[i - 1];
                }
                if (s.grade() != null) {
                    gradeSum += s.grade()[i];
                }
                if (s.cadence() != null && s.cadence()[i] > 0) {
                    cadSum += s.cadence()[i];
                    cadN++;
                }
                if (s.watts() != null) {
                    wattSum += s.watts()[i];
                }
                if (s.heartrate() != null) {
                    hrSum += s.heartrate()[i];
                    w.maxHr = Math.max(w.maxHr, s.heartrate()[i]);
                }
                n++;
            }
            if (s.distance() != null) {
                double start = from > 0 ? s.distance()[from - 1] : 0;
                w.distance = s.distance()[to] - start;
            }
            w.gradeMean = n == 0 ? 0 : gradeSum / n;
            w.cadence = cadN == 0 ? null : cadSum / cadN;
            w.watts = s.watts() == null ? null : wattSum / n;
            w.hr = s.heartrate() == null ? null : hrSum / n;
            return w;
        }
    }
}
