package dev.paceline.simulator.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic athlete with {@code activities} activities over {@code years} years ending on {@code endDate}.
 * Plain library (no CDI): the simulator serves it, benchmarks call it directly.
 * <p>
 * Only the plans (a few hundred bytes each) and the summary figures are kept; streams are simulated on demand from
 * (seed, activity id), so memory stays bounded for any number of activities. The same seed, count, years and end
 * date always give the same activities, ids, names and samples.
 * <p>
 * Known properties (documented in the module README): activity index {@code i} with {@code i % 25 == 3} is an
 * indoor FTP test holding exactly {@code round(1.05 * FTP)} W for 1,200 s, {@code i % 25 == 7} a parkrun covering
 * 5,000 m at constant speed in the time written in its name, {@code i % 25 == 11} a manual activity without
 * streams, {@code i % 25 == 17} a private run, {@code i % 25 == 20} a Zwift ride.
 */
public final class AthleteGenerator {

    /** The generated athlete's Strava id. */
    public static final long ATHLETE_ID = 31_415_926L;
    /** Id of the first (oldest) generated activity; ids grow with the start date. */
    public static final long FIRST_ACTIVITY_ID = 12_000_000_000L;
    /** Default last day of the history, so that runs are reproducible whatever today is. */
    public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2026, 11, 1);
    /** Date of birth of the generated athlete (heart-rate zones move on each birthday). */
    public static final LocalDate BIRTH_DATE = LocalDate.of(1986, 4, 12);

    private static final ZoneId HOME = ZoneId.of("Europe/London");
    private static final ZoneId TRIP = ZoneId.of("America/New_York");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final long seed;
    private final LocalDate endDate;
    private final Physiology physiology;
    private final List<ActivityPlan> plans;
    private final Map<Long, ActivityPlan> byId;
    private final Map<Long, ActivitySummaryFacts> facts = new ConcurrentHashMap<>();
    /** The last few simulations: detail and streams of one activity are usually asked for together. */
    private final Map<Long, ActivitySimulator.Result> recent = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ActivitySimulator.Result> eldest) {
            return size() > 8;
        }
    };

    public AthleteGenerator(long seed, int activities, int years) {
        this(seed, activities, years, DEFAULT_END_DATE);
    }

    public AthleteGenerator(long seed, int activities, int years, LocalDate endDate) {
        if (activities < 0) {
            throw new IllegalArgumentException("activities must be >= 0, got " + activities);
        }
        if (years < 1) {
            throw new IllegalArgumentException("years must be >= 1, got " + years);
        }
        this.seed = seed;
        this.endDate = endDate;
        LocalDate startDate = endDate.minusYears(years);
        this.physiology = new Physiology(BIRTH_DATE, startDate, 48, 72.0);
        List<ActivityPlan> list = new ArrayList<>(activities);
        long days = Duration.between(startDate.atStartOfDay(), endDate.atStartOfDay()).toDays();
        Instant previousEnd = Instant.MIN;
        for (int i = 0; i < activities; i++) {
            LocalDate day = startDate.plusDays(days * i / Math.max(1, activities));
            ActivityPlan plan = plan(i, day, previousEnd);
            list.add(plan);
            previousEnd = plan.start().plusSeconds(plan.plannedSeconds() + 900L * plan.pauses());
        }
        this.plans = Collections.unmodifiableList(list);
        Map<Long, ActivityPlan> index = new HashMap<>();
        for (ActivityPlan p : list) {
            index.put(p.id(), p);
        }
        this.byId = index;
    }

    public long seed() {
        return seed;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public Physiology physiology() {
        return physiology;
    }

    /** All plans, oldest first. */
    public List<ActivityPlan> plans() {
        return plans;
    }

    public Optional<ActivityPlan> plan(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All activities as SummaryActivity JSON, oldest first. */
    public List<ObjectNode> activities() {
        List<ObjectNode> out = new ArrayList<>(plans.size());
        for (ActivityPlan p : plans) {
            out.add(summary(p));
        }
        return out;
    }

    public ObjectNode summary(ActivityPlan plan) {
        return StravaJson.summary(plan, facts(plan));
    }

    public Optional<ObjectNode> detail(long id) {
        return plan(id).map(this::detail);
    }

    public ObjectNode detail(ActivityPlan plan) {
        ActivitySimulator.Result sim = plan.manual() ? null : simulate(plan);
        return StravaJson.detail(plan, facts(plan), sim);
    }

    /** All streams of an activity in the {@code key_by_type=true} form; empty for manual activities. */
    public Optional<ObjectNode> streamsFor(long id) {
        return plan(id).flatMap(p -> streamsFor(p, "distance"));
    }

    public Optional<ObjectNode> streamsFor(ActivityPlan plan, String seriesType) {
        return samples(plan).map(s -> s.toKeyByType(seriesType));
    }

    /** The recorded samples of an activity; empty for manual activities. */
    public Optional<ActivityStreams> samples(ActivityPlan plan) {
        if (plan.manual()) {
            return Optional.empty();
        }
        return Optional.of(simulate(plan).streams());
    }

    private ActivitySimulator.Result simulate(ActivityPlan plan) {
        synchronized (recent) {
            ActivitySimulator.Result r = recent.get(plan.id());
            // runtime-created plans may reuse no id of the history, but guard against a different plan anyway
            if (r != null && r.plan() == plan) {
                return r;
            }
        }
        ActivitySimulator.Result r = ActivitySimulator.simulate(plan);
        synchronized (recent) {
            recent.put(plan.id(), r);
        }
        return r;
    }

    /** Summary figures, computed once per activity by simulating it. */
    public ActivitySummaryFacts facts(ActivityPlan plan) {
        ActivitySummaryFacts cached = facts.get(plan.id());
        if (cached != null && cached.stats() != null) {
            return cached;
        }
        ActivitySummaryFacts computed = computeFacts(plan);
        facts.put(plan.id(), computed);
        return computed;
    }

    private ActivitySummaryFacts computeFacts(ActivityPlan plan) {
        if (plan.manual()) {
            int seconds = plan.plannedSeconds();
            double distance = plan.manualDistance();
            ActivityStats st = new ActivityStats(distance, seconds, seconds, 0, null, null,
                    seconds == 0 ? 0 : StravaJson.round(distance / seconds, 3), 0, null, null, null, null, null, null,
                    null, null, StravaJson.round(seconds / 60.0 * 7, 1), 0);
            return new ActivitySummaryFacts(st, "", null, null, null, null);
        }
        ActivitySimulator.Result sim = simulate(plan);
        ActivityStreams s = sim.streams();
        if (s.lat() == null) {
            return new ActivitySummaryFacts(sim.stats(), "", null, null, null, null);
        }
        int last = s.size() - 1;
        return new ActivitySummaryFacts(sim.stats(), Polyline.encode(s.lat(), s.lng(), Math.max(1, s.size() / 80)),
                StravaJson.round(s.lat()[0], 6), StravaJson.round(s.lng()[0], 6),
                StravaJson.round(s.lat()[last], 6), StravaJson.round(s.lng()[last], 6));
    }

    /** The authenticated athlete (DetailedAthlete) as of a day. */
    public ObjectNode athlete(LocalDate today) {
        ObjectNode a = F.objectNode();
        a.put("id", ATHLETE_ID);
        a.put("username", "paceline_sim");
        a.put("resource_state", 3);
        a.put("firstname", "Sam");
        a.put("lastname", "Simulator");
        a.put("bio", "Generated by the Paceline strava-simulator (seed " + seed + ").");
        a.put("city", "Reading");
        a.put("state", "England");
        a.put("country", "United Kingdom");
        a.put("sex", "M");
        a.put("premium", true);
        a.put("summit", true);
        a.put("created_at", "2014-02-03T08:10:11Z");
        a.put("updated_at", StravaJson.utc(endDate.atStartOfDay(HOME).toInstant()));
        a.put("badge_type_id", 1);
        a.put("weight", physiology.weightKg());
        a.put("profile_medium", "avatar/athlete/medium.png");
        a.put("profile", "avatar/athlete/large.png");
        a.putNull("friend");
        a.putNull("follower");
        a.put("follower_count", 42);
        a.put("friend_count", 37);
        a.put("measurement_preference", "meters");
        a.put("ftp", physiology.ftpWatts(today));
        a.putArray("clubs");
        ArrayNode bikes = a.putArray("bikes");
        bikes.addObject().put("id", "b1000001").put("primary", true).put("name", "Canyon Endurace CF")
                .put("resource_state", 2).put("distance", 1_234_567);
        bikes.addObject().put("id", "b1000002").put("primary", false).put("name", "Turbo bike")
                .put("resource_state", 2).put("distance", 345_678);
        ArrayNode shoes = a.putArray("shoes");
        shoes.addObject().put("id", "g2000001").put("primary", true).put("name", "Saucony Endorphin Speed")
                .put("resource_state", 2).put("distance", 876_543);
        return a;
    }

    /**
     * {@code /athlete/zones} as of a day: heart-rate zones from the age-predicted maximum heart rate and power zones
     * from the FTP of that day; the top zone's {@code max} is -1 as in Strava.
     */
    public ObjectNode zones(LocalDate today) {
        ObjectNode z = F.objectNode();
        int maxHr = physiology.maxHr(today);
        ObjectNode hr = z.putObject("heart_rate");
        hr.put("custom_zones", false);
        zoneArray(hr.putArray("zones"), maxHr, new double[]{0, 0.60, 0.75, 0.82, 0.90});
        int ftp = physiology.ftpWatts(today);
        ObjectNode power = z.putObject("power");
        zoneArray(power.putArray("zones"), ftp, new double[]{0, 0.56, 0.76, 0.91, 1.06, 1.21, 1.51});
        return z;
    }

    private static void zoneArray(ArrayNode zones, int reference, double[] lower) {
        for (int i = 0; i < lower.length; i++) {
            int min = (int) Math.round(reference * lower[i]);
            int max = i + 1 < lower.length ? (int) Math.round(reference * lower[i + 1]) : -1;
            zones.addObject().put("min", min).put("max", max);
        }
    }

    /**
     * A plan for an activity created at runtime (admin API): same physiology and simulation as the generated ones.
     */
    public ActivityPlan customPlan(long id, long athleteId, String sportType, String name, Instant start,
                                   int seconds, boolean isPrivate, boolean manual) {
        ActivityKind kind = manual ? ActivityKind.MANUAL : kindFor(sportType);
        SplittableRandom rnd = new SplittableRandom(mix(seed ^ id));
        LocalDate day = start.atZone(HOME).toLocalDate();
        List<Segment> segments = List.of(Segment.lap(Math.max(60, seconds), kind.isRide() ? 0.68 : 0.8));
        double manualDistance = manual && !"WeightTraining".equals(sportType) && !"Yoga".equals(sportType)
                ? StravaJson.round(seconds * 2.8, 1) : 0;
        boolean trainer = kind == ActivityKind.RIDE_VIRTUAL;
        return new ActivityPlan(id, athleteId, kind, sportType, name, start, HOME, trainer, false, isPrivate,
                null, true, manual ? null : deviceFor(kind, day), null, physiology.ftpWatts(day),
                physiology.maxHr(day), physiology.restHr(), physiology.thresholdSpeed(day), segments, false,
                0, manualDistance, null, rnd.nextLong());
    }

    private static ActivityKind kindFor(String sportType) {
        return switch (sportType) {
            case "Ride", "EBikeRide", "MountainBikeRide" -> ActivityKind.RIDE_ENDURANCE;
            case "GravelRide" -> ActivityKind.RIDE_GRAVEL;
            case "VirtualRide" -> ActivityKind.RIDE_VIRTUAL;
            case "Run", "VirtualRun" -> ActivityKind.RUN_EASY;
            case "TrailRun" -> ActivityKind.RUN_TRAIL;
            case "Swim" -> ActivityKind.SWIM;
            case "Walk" -> ActivityKind.WALK;
            case "Hike" -> ActivityKind.HIKE;
            default -> ActivityKind.WEIGHT_TRAINING;
        };
    }

    // ---------------------------------------------------------------- plan generation

    private ActivityPlan plan(int i, LocalDate day, Instant previousEnd) {
        SplittableRandom rnd = new SplittableRandom(mix(seed * 1_000_003L + i));
        ActivityKind kind = kindAt(i, rnd);
        boolean onTrip = day.getDayOfYear() >= 150 && day.getDayOfYear() < 164;
        ZoneId zone = onTrip ? TRIP : HOME;
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        LocalTime time;
        double slot = rnd.nextDouble();
        if (kind == ActivityKind.RUN_RACE_5K) {
            time = LocalTime.of(9, 0);
        } else if (weekend) {
            time = LocalTime.of(8, 0).plusMinutes(rnd.nextInt(150));
        } else if (slot < 0.55) {
            time = LocalTime.of(6, 0).plusMinutes(rnd.nextInt(90));
        } else if (slot < 0.92 || !(kind == ActivityKind.RUN_EASY || kind == ActivityKind.RUN_TREADMILL
                || kind == ActivityKind.WALK)) {
            time = LocalTime.of(17, 30).plusMinutes(rnd.nextInt(150));
        } else {
            // late sessions: on the New York trip these start on the next UTC day
            time = LocalTime.of(21, 15).plusMinutes(rnd.nextInt(90));
        }
        Instant start = day.atTime(time).atZone(zone).toInstant();
        if (!start.isAfter(previousEnd)) {
            start = previousEnd.plusSeconds(3600);
        }
        LocalDate localDay = start.atZone(zone).toLocalDate();
        int ftp = physiology.ftpWatts(localDay);
        int maxHr = physiology.maxHr(localDay);
        double vT = physiology.thresholdSpeed(localDay);
        boolean older = localDay.isBefore(physiology.historyStart().plusYears(1));
        List<Segment> segs = new ArrayList<>();
        String sportType = kind.defaultSportType();
        String name;
        Integer workoutType = null;
        boolean trainer = false;
        boolean commute = false;
        int pauses = 0;
        KnownEffort known = null;
        double manualDistance = 0;
        String gear = kind.isRide() ? "b1000001" : (kind.isRun() ? "g2000001" : null);
        switch (kind) {
            case RIDE_ENDURANCE -> {
                int main = 3600 + rnd.nextInt(9000);
                segs.add(Segment.steady(600, 0.55));
                segs.add(Segment.steady(main, 0.62 + rnd.nextDouble() * 0.1));
                segs.add(Segment.lap(600, 0.5));
                name = pick(rnd, timeOfDayName(time, "Ride"), "Coffee ride to the coast", "Hilly loop",
                        "Sunday club ride", "Endurance miles");
                workoutType = rnd.nextDouble() < 0.5 ? 10 : null;
                pauses = rnd.nextInt(4);
            }
            case RIDE_NO_POWER -> {
                segs.add(Segment.lap(1500 + rnd.nextInt(1500), 0.6));
                commute = rnd.nextBoolean();
                name = commute ? pick(rnd, "Ride to work", "Commute home") : pick(rnd, "Errands", "Town loop");
                pauses = 1 + rnd.nextInt(3);
            }
            case RIDE_INTERVALS -> {
                int variant = rnd.nextInt(3);
                int reps = new int[]{3, 4, 5}[variant];
                int work = new int[]{720, 480, 300}[variant];
                double level = new double[]{0.9, 1.0, 1.15}[variant];
                segs.add(Segment.lap(900, 0.58));
                for (int r = 0; r < reps; r++) {
                    segs.add(Segment.lap(work, level));
                    segs.add(Segment.lap(r == reps - 1 ? 600 : work / 2, 0.5));
                }
                String label = new String[]{reps + "x12 min SST", reps + "x8 min threshold intervals",
                        reps + "x5 VO2max"}[variant];
                boolean tagged = rnd.nextDouble() < 0.7;
                workoutType = tagged ? 12 : 10;
                // untagged sessions still carry a name the interval rule recognises
                name = tagged && rnd.nextBoolean() ? "Tuesday session" : label;
                pauses = rnd.nextInt(2);
            }
            case RIDE_FTP_TEST -> {
                int watts = (int) Math.round(1.05 * ftp);
                segs.add(Segment.lap(900, 0.6));
                segs.add(Segment.exact(1200, watts / (double) ftp));
                segs.add(Segment.lap(600, 0.5));
                known = new KnownEffort(900, 1200, watts, null);
                trainer = true;
                workoutType = 12;
                name = "FTP test: 20 min @ " + watts + " W";
                gear = "b1000002";
            }
            case RIDE_VIRTUAL -> {
                trainer = true;
                int variant = rnd.nextInt(3);
                if (variant == 0) {
                    segs.add(Segment.lap(2700 + rnd.nextInt(2700), 0.7));
                    name = pick(rnd, "Zwift - Group Ride: Watopia Flat", "Zwift - Pacer Group Ride: Coco in Watopia");
                } else if (variant == 1) {
                    segs.add(Segment.lap(600, 0.6));
                    segs.add(Segment.lap(1800 + rnd.nextInt(1200), 0.95));
                    segs.add(Segment.lap(300, 0.5));
                    name = "Zwift - Race: Tour de Zwift Stage " + (1 + rnd.nextInt(6));
                } else {
                    segs.add(Segment.lap(600, 0.6));
                    for (int r = 0; r < 4; r++) {
                        segs.add(Segment.lap(600, 0.92));
                        segs.add(Segment.lap(300, 0.5));
                    }
                    name = "TrainerRoad - Antelope";
                    workoutType = 12;
                }
                gear = "b1000002";
            }
            case RIDE_RACE -> {
                int variant = rnd.nextInt(3);
                if (variant == 0) {
                    segs.add(Segment.lap(900, 0.6));
                    segs.add(Segment.lap(1400 + rnd.nextInt(300), 1.02));
                    segs.add(Segment.lap(600, 0.5));
                    name = "Club 10 mile TT";
                } else if (variant == 1) {
                    segs.add(Segment.lap(900, 0.6));
                    for (int r = 0; r < 12; r++) {
                        segs.add(Segment.steady(200, 0.85));
                        segs.add(Segment.steady(20, 1.6));
                    }
                    segs.add(Segment.lap(600, 0.5));
                    name = "Crit race - Cat 3";
                } else {
                    segs.add(Segment.lap(7200 + rnd.nextInt(3600), 0.8));
                    name = "Tour de Ville - Stage " + (1 + rnd.nextInt(4));
                }
                workoutType = rnd.nextDouble() < 0.75 ? 11 : 10;
            }
            case RIDE_GRAVEL -> {
                segs.add(Segment.lap(5400 + rnd.nextInt(7200), 0.63));
                name = pick(rnd, "Gravel loop", "Gravel adventure", "Chalk tracks");
                pauses = 1 + rnd.nextInt(3);
            }
            case RUN_EASY -> {
                segs.add(Segment.lap(2100 + rnd.nextInt(1500), 0.76 + rnd.nextDouble() * 0.05));
                name = pick(rnd, timeOfDayName(time, "Run"), "Easy run", "Recovery jog", "Shakeout");
                workoutType = rnd.nextBoolean() ? 0 : null;
                pauses = rnd.nextInt(3);
            }
            case RUN_LONG -> {
                int seconds = 5700 + rnd.nextInt(3300);
                segs.add(Segment.lap(seconds, 0.8));
                boolean tagged = rnd.nextDouble() < 0.6;
                workoutType = tagged ? 2 : null;
                name = tagged ? "Sunday long run" : "Long Sunday miles";
                pauses = rnd.nextInt(3);
            }
            case RUN_RACE_5K -> {
                double targetSpeed = vT * 1.045;
                int seconds = (int) Math.round(5000 / targetSpeed);
                double speed = 5000.0 / seconds;
                segs.add(Segment.lap(900, 0.72));
                segs.add(Segment.exact(seconds, speed / vT));
                segs.add(Segment.lap(600, 0.65));
                // distance samples hold the distance at the end of each second: the race runs from t=899 to t=899+T
                known = new KnownEffort(899, seconds, null, 5000.0);
                workoutType = 1;
                name = String.format("parkrun 5K - %d:%02d", seconds / 60, seconds % 60);
            }
            case RUN_RACE_10K -> {
                int seconds = (int) Math.round(10000 / (vT * 1.0));
                segs.add(Segment.lap(900, 0.72));
                segs.add(Segment.lap(seconds, 1.0));
                segs.add(Segment.lap(600, 0.65));
                workoutType = rnd.nextDouble() < 0.8 ? 1 : null;
                name = pick(rnd, "Town 10K race", "Riverside 10k Race");
            }
            case RUN_TRACK_INTERVALS -> {
                int variant = rnd.nextInt(3);
                int reps = new int[]{8, 6, 5}[variant];
                int meters = new int[]{400, 800, 1000}[variant];
                double level = new double[]{1.18, 1.12, 1.08}[variant];
                segs.add(Segment.lap(900, 0.72));
                for (int r = 0; r < reps; r++) {
                    segs.add(Segment.lap((int) Math.round(meters / (vT * level)), level));
                    segs.add(Segment.lap(90, 0));
                }
                segs.add(Segment.lap(600, 0.65));
                workoutType = 3;
                name = "Track " + reps + "x" + meters + "m";
            }
            case RUN_ROAD_INTERVALS -> {
                int variant = rnd.nextInt(3);
                segs.add(Segment.lap(900, 0.72));
                int reps = new int[]{5, 6, 3}[variant];
                int work = new int[]{230, 200, 480}[variant];
                for (int r = 0; r < reps; r++) {
                    segs.add(Segment.lap(work, 1.06));
                    segs.add(Segment.lap(120, 0.6));
                }
                segs.add(Segment.lap(600, 0.65));
                name = new String[]{"5x1k reps", "Yasso 800s", "3x2km tempo intervals"}[variant];
                workoutType = rnd.nextDouble() < 0.5 ? 3 : null;
            }
            case RUN_TREADMILL -> {
                trainer = true;
                segs.add(Segment.lap(2400 + rnd.nextInt(1200), 0.82));
                name = pick(rnd, "Treadmill tempo", "Treadmill easy");
            }
            case RUN_TRAIL -> {
                boolean winter = localDay.getMonthValue() <= 2 || localDay.getMonthValue() >= 11;
                if (winter && rnd.nextDouble() < 0.3) {
                    segs.add(Segment.lap(900, 0.7));
                    segs.add(Segment.lap(2400, 0.98));
                    segs.add(Segment.lap(600, 0.6));
                    name = "XC league race";
                    workoutType = 1;
                } else {
                    segs.add(Segment.lap(3600 + rnd.nextInt(2400), 0.72));
                    name = pick(rnd, "Trail run", "Hill trail run");
                    pauses = rnd.nextInt(3);
                }
            }
            case SWIM -> {
                segs.add(Segment.lap(2400 + rnd.nextInt(900), 1.0));
                name = "Pool swim";
                gear = null;
            }
            case WALK -> {
                segs.add(Segment.lap(2400 + rnd.nextInt(1800), 1.0));
                name = pick(rnd, "Walk with the dog", "Evening walk");
                pauses = rnd.nextInt(2);
            }
            case HIKE -> {
                segs.add(Segment.lap(7200 + rnd.nextInt(5400), 1.0));
                name = pick(rnd, "Hike up the downs", "Ridgeway hike");
                pauses = 1 + rnd.nextInt(3);
            }
            case WEIGHT_TRAINING -> {
                for (int r = 0; r < 6; r++) {
                    segs.add(Segment.steady(240, 0.6));
                    segs.add(Segment.steady(180, 0.2));
                }
                name = "Gym - strength";
            }
            case MANUAL -> {
                int variant = rnd.nextInt(3);
                int seconds = 1800 + 60 * rnd.nextInt(60);
                segs.add(Segment.lap(seconds, 0.7));
                sportType = new String[]{"Run", "Yoga", "Workout"}[variant];
                name = new String[]{"Treadmill run (logged by hand)", "Yoga class", "Circuit class"}[variant];
                manualDistance = variant == 0 ? 1000.0 * (5 + rnd.nextInt(8)) : 0;
                gear = null;
            }
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
        boolean isPrivate = i % 25 == 17 || (kind != ActivityKind.RIDE_FTP_TEST && kind != ActivityKind.RUN_RACE_5K
                && rnd.nextDouble() < 0.04);
        boolean hasHr = kind == ActivityKind.RIDE_FTP_TEST || kind == ActivityKind.RUN_RACE_5K
                || rnd.nextDouble() > 0.04;
        boolean smart = older && !kind.isIndoor() && known == null && kind.hasStreams();
        return new ActivityPlan(FIRST_ACTIVITY_ID + i * 7L + rnd.nextInt(7), ATHLETE_ID, kind, sportType, name,
                start, zone, trainer, commute, isPrivate, workoutType, hasHr,
                kind.hasStreams() ? deviceFor(kind, localDay) : null, gear, ftp, maxHr, physiology.restHr(), vT,
                segs, smart, kind.isIndoor() || known != null ? 0 : pauses, manualDistance, known, rnd.nextLong());
    }

    private String deviceFor(ActivityKind kind, LocalDate day) {
        boolean older = day.isBefore(physiology.historyStart().plusYears(1));
        if (kind == ActivityKind.RIDE_VIRTUAL) {
            return "Zwift";
        }
        if (kind.isRide()) {
            return older ? "Garmin Edge 500" : "Garmin Edge 530";
        }
        return older ? "Garmin Forerunner 235" : "Garmin Forerunner 255";
    }

    private static ActivityKind kindAt(int i, SplittableRandom rnd) {
        switch (i % 25) {
            case 3:
                return ActivityKind.RIDE_FTP_TEST;
            case 7:
                return ActivityKind.RUN_RACE_5K;
            case 11:
                return ActivityKind.MANUAL;
            case 17:
                return ActivityKind.RUN_EASY;
            case 20:
                return ActivityKind.RIDE_VIRTUAL;
            default:
                break;
        }
        int[] weights = {18, 4, 8, 0, 6, 3, 3, 18, 6, 0, 2, 4, 4, 3, 3, 4, 3, 2, 3, 1};
        ActivityKind[] kinds = ActivityKind.values();
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int k = 0; k < kinds.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return kinds[k];
            }
        }
        return ActivityKind.RUN_EASY;
    }

    private static String timeOfDayName(LocalTime time, String sport) {
        int h = time.getHour();
        String part = h < 11 ? "Morning" : h < 14 ? "Lunch" : h < 18 ? "Afternoon" : h < 21 ? "Evening" : "Night";
        return part + " " + sport;
    }

    private static String pick(SplittableRandom rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
