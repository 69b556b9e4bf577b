package dev.paceline.simulator.data;

/**
 * What a generated activity is: decides its sport type, structure, naming and which streams it carries.
 * Names are chosen so that the default activity-type rules of METRICS.md classify each kind as documented.
 */
public enum ActivityKind {
    /** Outdoor endurance ride with a power meter: pauses, coasting, hills. */
    RIDE_ENDURANCE("Ride", true),
    /** Outdoor ride on a bike without a power meter: no watts stream, {@code device_watts=false}. */
    RIDE_NO_POWER("Ride", true),
    /** Structured interval session (threshold, sweet spot, VO2max), {@code workout_type=12}. */
    RIDE_INTERVALS("Ride", true),
    /** Indoor 20-minute FTP test on a trainer: one block of exactly constant power (see README, known properties). */
    RIDE_FTP_TEST("Ride", true),
    /** Zwift session: {@code sport_type=VirtualRide}, trainer. */
    RIDE_VIRTUAL("VirtualRide", true),
    /** Road race, criterium or time trial, {@code workout_type=11}. */
    RIDE_RACE("Ride", true),
    /** Gravel ride, {@code sport_type=GravelRide}. */
    RIDE_GRAVEL("GravelRide", true),
    /** Easy run. */
    RUN_EASY("Run", true),
    /** Long run of 16 km or more, {@code workout_type=2}. */
    RUN_LONG("Run", true),
    /** parkrun 5 km at exactly constant race pace (see README, known properties), {@code workout_type=1}. */
    RUN_RACE_5K("Run", true),
    /** Road 10 km race, {@code workout_type=1}. */
    RUN_RACE_10K("Run", true),
    /** Track repetitions (400 m to 1 km), {@code workout_type=3}. */
    RUN_TRACK_INTERVALS("Run", true),
    /** Road repetitions, {@code workout_type=3}. */
    RUN_ROAD_INTERVALS("Run", true),
    /** Treadmill run: trainer, no GPS. */
    RUN_TREADMILL("Run", true),
    /** Trail run, {@code sport_type=TrailRun}. */
    RUN_TRAIL("TrailRun", true),
    /** Pool swim: distance, HR and time only. */
    SWIM("Swim", true),
    /** Walk with GPS and HR. */
    WALK("Walk", true),
    /** Hike with GPS and HR. */
    HIKE("Hike", true),
    /** Gym session: heart rate only. */
    WEIGHT_TRAINING("WeightTraining", true),
    /** Manually entered activity: no streams at all (the streams endpoint answers 404). */
    MANUAL("Workout", false);

    private final String defaultSportType;
    private final boolean hasStreams;

    ActivityKind(String defaultSportType, boolean hasStreams) {
        this.defaultSportType = defaultSportType;
        this.hasStreams = hasStreams;
    }

    public String defaultSportType() {
        return defaultSportType;
    }

    public boolean hasStreams() {
        return hasStreams;
    }

    public boolean isRide() {
        return name().startsWith("RIDE_");
    }

    public boolean isRun() {
        return name().startsWith("RUN_");
    }

    /** Indoor: no GPS, no pauses, no smart recording. */
    public boolean isIndoor() {
        return this == RIDE_FTP_TEST || this == RIDE_VIRTUAL || this == RUN_TREADMILL || this == SWIM
                || this == WEIGHT_TRAINING;
    }
}
