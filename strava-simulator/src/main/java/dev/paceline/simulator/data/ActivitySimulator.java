package dev.paceline.simulator.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one activity second by second from its {@link ActivityPlan}: power or speed follow the session's
 * structure, heart rate responds to effort with a lag and drifts, speed follows power through a simple bike model,
 * terrain comes from the distance, then the device "records" the samples (auto-pause gaps and smart-recording
 * stretches are left out). Pure function of the plan: the same plan always gives the same samples.
 */
public final class ActivitySimulator {

    private static final double MASS_KG = 80;
    private static final double CRR = 0.0045;
    private static final double CDA = 0.32;
    private static final double RHO = 1.2;
    /** Heart-rate response per second: time constants of 22 s rising and 40 s falling. */
    private static final double HR_RISE = 1 - Math.exp(-1 / 22.0);
    private static final double HR_FALL = 1 - Math.exp(-1 / 40.0);

    /**
     * The outcome of a simulation.
     *
     * @param streams the recorded samples
     * @param stats   the summary figures
     * @param lapEnds for each lap, the index of its last recorded sample
     * @param plan    the plan simulated
     */
    public record Result(ActivityStreams streams, ActivityStats stats, int[] lapEnds, ActivityPlan plan) {
    }

    private ActivitySimulator() {
    }

    public static Result simulate(ActivityPlan plan) {
        if (!plan.kind().hasStreams()) {
            throw new IllegalArgumentException("activity " + plan.id() + " is manual and has no streams");
        }
        SplittableRandom rnd = new SplittableRandom(plan.seed());
        Timeline tl = Timeline.build(plan, rnd);
        int n = tl.length;
        ActivityKind kind = plan.kind();
        boolean ride = kind.isRide();
        boolean outdoorRide = ride && plan.hasGps();
        double ftp = plan.ftpWatts();
        Integer knownWatts = plan.known() == null ? null : plan.known().watts();
        double baseSpeed = baseSpeed(plan);
        double hilliness = hilliness(kind);
        double phase1 = rnd.nextDouble() * 6.283;
        double phase2 = rnd.nextDouble() * 6.283;
        double heading0 = rnd.nextDouble() * 6.283;
        double loopLength = Math.max(400, expectedDistance(plan, baseSpeed));
        if (kind == ActivityKind.RUN_TRACK_INTERVALS) {
            loopLength = 400;
        }
        double[] origin = origin(plan);
        double metresPerDegreeLng = 111_320 * Math.cos(Math.toRadians(origin[0]));
        double seasonTemp = 11 + 8 * Math.sin(2 * Math.PI * (plan.localDate().getDayOfYear() - 110) / 365.25);

        double[] power = new double[n];
        double[] speed = new double[n];
        double[] dist = new double[n];
        double[] alt = new double[n];
        double[] grade = new double[n];
        double[] lat = new double[n];
        double[] lng = new double[n];
        int[] hr = new int[n];
        int[] cad = new int[n];
        int[] temp = new int[n];
        boolean[] moving = new boolean[n];

        double d = 0;
        double a = 40 + rnd.nextDouble() * 120;
        double v = 0;
        double hrNow = plan.restHr() + 25;
        double la = origin[0];
        double lo = origin[1];
        double smoothEffort = 0;
        int tempNow = 20;
        for (int s = 0; s < n; s++) {
            boolean still = tl.standing[s] || tl.gap[s];
            double intensity = still ? 0 : tl.intensity[s];
            boolean constant = tl.constant[s];
            double g = plan.hasAltitude()
                    ? hilliness * (0.6 * Math.sin(d / 1900 + phase1) + 0.4 * Math.sin(d / 530 + phase2)) : 0;
            double p = 0;
            double effort;
            if (ride) {
                if (constant) {
                    p = Math.round(intensity * ftp);
                } else if (intensity > 0) {
                    p = intensity * ftp * (1 + 0.08 * gauss(rnd)) * (1 + 2.5 * Math.max(0, g));
                    if (outdoorRide && ((g < -0.03 && rnd.nextDouble() < 0.6) || rnd.nextDouble() < 0.03)) {
                        p = 0;
                    }
                    p = Math.max(0, Math.min(p, ftp * 2.2));
                    if (knownWatts != null) {
                        p = Math.min(p, 0.9 * knownWatts);
                    }
                }
                if (plan.hasDistance()) {
                    double target = still ? 0 : bikeSpeed(p, g, v);
                    v = still ? v * 0.4 : v + (target - v) * 0.25;
                    if (v < 0.05) {
                        v = 0;
                    }
                }
                smoothEffort += (p / ftp - smoothEffort) / 20;
                effort = smoothEffort;
            } else {
                double target = intensity * baseSpeed;
                if (constant) {
                    v = target;
                } else if (still) {
                    v = v * 0.4 < 0.1 ? 0 : v * 0.4;
                } else if (plan.hasDistance()) {
                    target = target * (1 + 0.03 * gauss(rnd)) * Math.max(0.5, 1 - 2.5 * g);
                    v = v + (target - v) * 0.35;
                }
                double sportEffort = switch (kind) {
                    case SWIM -> 0.85;
                    case WALK -> 0.45;
                    case HIKE -> 0.65;
                    default -> 1.0;
                };
                double x = kind == ActivityKind.WEIGHT_TRAINING ? intensity : v / baseSpeed * sportEffort;
                smoothEffort += (x * (1 + 3 * Math.max(0, g)) - smoothEffort) / 15;
                effort = smoothEffort;
            }
            if (!plan.hasDistance()) {
                v = 0;
            }
            double hrTarget = plan.restHr() + (plan.maxHr() - plan.restHr())
                    * clamp(0.20 + 0.68 * effort, 0.25, 1.0) + 2.5 * s / 3600.0;
            hrNow += (hrTarget - hrNow) * (hrTarget > hrNow ? HR_RISE : HR_FALL);
            hrNow = Math.min(hrNow, plan.maxHr());
            int hrSample = (int) Math.round(hrNow + 0.7 * gauss(rnd));

            d += v;
            a += g * v;
            if (plan.hasGps()) {
                double h = heading0 + 2 * Math.PI * d / loopLength + 0.25 * Math.sin(d / 700);
                la += v * Math.cos(h) / 111_320;
                lo += v * Math.sin(h) / metresPerDegreeLng;
            }
            power[s] = p;
            speed[s] = v;
            dist[s] = d;
            alt[s] = a;
            grade[s] = g;
            lat[s] = la;
            lng[s] = lo;
            hr[s] = Math.min(hrSample, plan.maxHr());
            if (ride) {
                cad[s] = p > 0 ? (int) Math.round(86 + 12 * (effort - 0.7) - 120 * Math.max(0, g - 0.04)
                        + 2 * gauss(rnd)) : 0;
            } else if (kind.isRun()) {
                cad[s] = v > 0.6 ? (int) Math.round(76 + 4 * (v - 2.5) + gauss(rnd)) : 0;
            } else if (kind == ActivityKind.WALK || kind == ActivityKind.HIKE) {
                cad[s] = v > 0.3 ? (int) Math.round(54 + 3 * v + gauss(rnd)) : 0;
            }
            if (plan.hasTemperature() && s % 60 == 0) {
                tempNow = (int) Math.round(seasonTemp + 1.5 * Math.sin(s / 2400.0));
            }
            temp[s] = tempNow;
            if (!plan.hasDistance()) {
                moving[s] = !tl.gap[s] && (kind == ActivityKind.WEIGHT_TRAINING || p > 0 || intensity > 0);
            } else {
                moving[s] = !tl.gap[s] && v > (ride ? 1.0 : 0.5);
            }
        }
        ActivityStats stats = stats(plan, tl, power, speed, dist, alt, hr, cad, temp, moving);
        return record(plan, tl, stats, power, speed, dist, alt, grade, lat, lng, hr, cad, temp, moving);
    }

    private static Result record(ActivityPlan plan, Timeline tl, ActivityStats stats, double[] power, double[] speed,
                                 double[] dist, double[] alt, double[] grade, double[] lat, double[] lng, int[] hr,
                                 int[] cad, int[] temp, boolean[] moving) {
        int n = tl.length;
        int[] idx = new int[n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            if (tl.recorded(s)) {
                idx[m++] = s;
            }
        }
        idx = Arrays.copyOf(idx, m);
        int[] time = new int[m];
        double[] oDist = plan.hasDistance() ? new double[m] : null;
        double[] oVel = plan.hasDistance() ? new double[m] : null;
        double[] oLat = plan.hasGps() ? new double[m] : null;
        double[] oLng = plan.hasGps() ? new double[m] : null;
        double[] oAlt = plan.hasAltitude() ? new double[m] : null;
        double[] oGrade = plan.hasAltitude() ? new double[m] : null;
        int[] oHr = plan.hasHeartrate() ? new int[m] : null;
        int[] oCad = plan.hasCadence() ? new int[m] : null;
        int[] oWatts = plan.deviceWatts() ? new int[m] : null;
        int[] oTemp = plan.hasTemperature() ? new int[m] : null;
        boolean[] oMoving = new boolean[m];
        List<Integer> lapEnds = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int s = idx[i];
            time[i] = s;
            if (oDist != null) {
                oDist[i] = round(dist[s], 1);
                oVel[i] = round(speed[s], 3);
            }
            if (oLat != null) {
                oLat[i] = round(lat[s], 6);
                oLng[i] = round(lng[s], 6);
            }
            if (oAlt != null) {
                oAlt[i] = round(alt[s], 1);
                oGrade[i] = round(grade[s] * 100, 1);
            }
            if (oHr != null) {
                oHr[i] = hr[s];
            }
            if (oCad != null) {
                oCad[i] = Math.max(0, cad[s]);
            }
            if (oWatts != null) {
                oWatts[i] = (int) Math.round(power[s]);
            }
            if (oTemp != null) {
                oTemp[i] = temp[s];
            }
            oMoving[i] = moving[s];
            if (i > 0 && tl.lap[s] != tl.lap[idx[i - 1]]) {
                lapEnds.add(i - 1);
            }
        }
        lapEnds.add(m - 1);
        ActivityStreams streams = new ActivityStreams(time, oDist, oLat, oLng, oAlt, oVel, oHr, oCad, oWatts, oTemp,
                oMoving, oGrade);
        return new Result(streams, stats, lapEnds.stream().mapToInt(Integer::intValue).toArray(), plan);
    }

    private static ActivityStats stats(ActivityPlan plan, Timeline tl, double[] power, double[] speed, double[] dist,
                                       double[] alt, int[] hr, int[] cad, int[] temp, boolean[] moving) {
        int n = tl.length;
        int movingTime = 0;
        int active = 0;
        double maxSpeed = 0;
        double hrSum = 0;
        int hrMax = 0;
        double cadSum = 0;
        int cadCount = 0;
        double pSum = 0;
        int pMax = 0;
        double gain = 0;
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        double tempSum = 0;
        double trimp = 0;
        double hrSpan = plan.maxHr() - plan.restHr();
        // Banister TRIMP per second for each whole bpm
        double[] trimpPerSecond = new double[plan.maxHr() + 2];
        for (int b = 0; b < trimpPerSecond.length; b++) {
            double hrr = (b - plan.restHr()) / hrSpan;
            trimpPerSecond[b] = hrr * 0.64 * Math.exp(1.92 * hrr) / 60;
        }
        double[] rolling = new double[n];
        int rollCount = 0;
        double window = 0;
        double[] ring = new double[30];
        for (int s = 0; s < n; s++) {
            if (tl.gap[s]) {
                continue;
            }
            active++;
            if (moving[s]) {
                movingTime++;
            }
            maxSpeed = Math.max(maxSpeed, speed[s]);
            hrSum += hr[s];
            hrMax = Math.max(hrMax, hr[s]);
            if (cad[s] > 0) {
                cadSum += cad[s];
                cadCount++;
            }
            pSum += power[s];
            pMax = Math.max(pMax, (int) Math.round(power[s]));
            window += power[s] - ring[active % 30];
            ring[active % 30] = power[s];
            if (active >= 30) {
                rolling[rollCount++] = window / 30;
            }
            if (s > 0 && alt[s] > alt[s - 1]) {
                gain += alt[s] - alt[s - 1];
            }
            hi = Math.max(hi, alt[s]);
            lo = Math.min(lo, alt[s]);
            tempSum += temp[s];
            if (plan.hasHeartrate()) {
                trimp += trimpPerSecond[Math.max(0, Math.min(trimpPerSecond.length - 1, hr[s]))];
            }
        }
        double np4 = 0;
        for (int i = 0; i < rollCount; i++) {
            double r2 = rolling[i] * rolling[i];
            np4 += r2 * r2;
        }
        int np = rollCount == 0 ? 0 : (int) Math.round(Math.pow(np4 / rollCount, 0.25));
        double distance = plan.hasDistance() ? round(dist[n - 1], 1) : 0;
        double avgSpeed = movingTime == 0 ? 0 : round(distance / movingTime, 3);
        boolean ride = plan.kind().isRide();
        double kj = pSum / 1000;
        double calories = ride ? kj * 1.05 : (plan.kind().isRun() ? 1.04 * 72 * distance / 1000 : active / 60.0 * 7);
        return new ActivityStats(distance, movingTime, n, round(plan.hasAltitude() ? gain : 0, 1),
                plan.hasAltitude() ? round(hi, 1) : null, plan.hasAltitude() ? round(lo, 1) : null, avgSpeed,
                round(maxSpeed, 3),
                plan.hasHeartrate() ? round(hrSum / active, 1) : null,
                plan.hasHeartrate() ? (double) hrMax : null,
                plan.hasCadence() && cadCount > 0 ? round(cadSum / cadCount, 1) : null,
                ride ? round(pSum / active, 1) : null,
                plan.deviceWatts() ? pMax : null,
                plan.deviceWatts() ? np : null,
                ride ? round(kj, 1) : null,
                plan.hasTemperature() ? (int) Math.round(tempSum / active) : null,
                round(calories, 1),
                plan.hasHeartrate() ? Math.round(trimp * 1.1) : 0);
    }

    /** Steady-state speed for a power on a grade, by bisection of the power balance. */
    static double bikeSpeed(double watts, double grade, double current) {
        double resist = MASS_KG * 9.81 * (CRR + grade);
        if (watts <= 0) {
            // coasting: down a slope towards terminal speed, else slowing down
            if (grade < 0) {
                double vt = Math.sqrt(Math.max(0, -resist) / (0.5 * RHO * CDA));
                return Math.min(vt, 18);
            }
            return current * 0.9;
        }
        // Newton on f(v) = resist*v + k*v^3 - watts, from the current speed (monotonic for resist >= 0)
        double k = 0.5 * RHO * CDA;
        double v = Math.max(current, 3);
        for (int i = 0; i < 6; i++) {
            double f = resist * v + k * v * v * v - watts;
            double df = resist + 3 * k * v * v;
            if (df <= 0.1) {
                df = 0.1;
            }
            v = Math.max(0.5, Math.min(25, v - f / df));
        }
        return v;
    }

    private static double baseSpeed(ActivityPlan plan) {
        return switch (plan.kind()) {
            case SWIM -> 1.2;
            case WALK -> 1.5;
            case HIKE -> 1.2;
            default -> plan.thresholdSpeed();
        };
    }

    private static double hilliness(ActivityKind kind) {
        return switch (kind) {
            case RIDE_GRAVEL, RUN_TRAIL, HIKE -> 0.07;
            case RIDE_ENDURANCE, RIDE_NO_POWER, RIDE_VIRTUAL, RIDE_RACE -> 0.045;
            case RIDE_INTERVALS -> 0.03;
            case RUN_EASY, RUN_LONG, RUN_ROAD_INTERVALS, RUN_RACE_10K, RUN_RACE_5K -> 0.025;
            case WALK -> 0.015;
            default -> 0;
        };
    }

    private static double expectedDistance(ActivityPlan plan, double baseSpeed) {
        double total = 0;
        for (Segment seg : plan.segments()) {
            total += seg.seconds() * (plan.kind().isRide() ? 8 * Math.cbrt(seg.intensity()) : seg.intensity() * baseSpeed);
        }
        return total;
    }

    private static double[] origin(ActivityPlan plan) {
        return plan.zone().getId().startsWith("America/") ? new double[]{40.6602, -73.9690}
                : new double[]{51.4545, -0.9781};
    }

    static double gauss(SplittableRandom rnd) {
        // Irwin-Hall approximation: cheap, deterministic across JVMs
        return rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 2.0;
    }

    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }

    /** Per-second structure: segment intensity, standing stops, auto-pause gaps, smart-recording stretches. */
    private static final class Timeline {
        int length;
        double[] intensity;
        boolean[] constant;
        boolean[] standing;
        boolean[] gap;
        int[] lap;
        int[] smartStep;

        boolean recorded(int s) {
            if (gap[s]) {
                return false;
            }
            if (s == 0 || s == length - 1 || smartStep[s] <= 1) {
                return true;
            }
            return s % smartStep[s] == 0;
        }

        static Timeline build(ActivityPlan plan, SplittableRandom rnd) {
            int planned = plan.plannedSeconds();
            // stops: a few seconds standing (recorded) then an auto-pause gap (not recorded)
            int[] stopAt = new int[plan.pauses()];
            int[] stopLen = new int[plan.pauses()];
            int extra = 0;
            for (int i = 0; i < plan.pauses(); i++) {
                stopAt[i] = (int) (planned * (i + 1) / (plan.pauses() + 1.0) + rnd.nextInt(-120, 121));
                stopLen[i] = 30 + rnd.nextInt(270);
                extra += 6 + stopLen[i];
            }
            Timeline t = new Timeline();
            t.length = planned + extra;
            t.intensity = new double[t.length];
            t.constant = new boolean[t.length];
            t.standing = new boolean[t.length];
            t.gap = new boolean[t.length];
            t.lap = new int[t.length];
            t.smartStep = new int[t.length];
            int s = 0;
            int planSecond = 0;
            int lap = 0;
            int nextStop = 0;
            for (Segment seg : plan.segments()) {
                for (int k = 0; k < seg.seconds(); k++) {
                    if (nextStop < stopAt.length && planSecond == stopAt[nextStop] && !seg.constant()) {
                        for (int j = 0; j < 6; j++, s++) {
                            t.standing[s] = true;
                            t.lap[s] = lap;
                            t.intensity[s] = seg.intensity();
                        }
                        for (int j = 0; j < stopLen[nextStop]; j++, s++) {
                            t.gap[s] = true;
                            t.lap[s] = lap;
                        }
                        nextStop++;
                    }
                    t.intensity[s] = seg.intensity();
                    t.constant[s] = seg.constant();
                    t.lap[s] = lap;
                    s++;
                    planSecond++;
                }
                if (seg.lap()) {
                    lap++;
                }
            }
            t.length = s;
            if (plan.smartRecording()) {
                int stretches = 1 + rnd.nextInt(2);
                for (int i = 0; i < stretches; i++) {
                    int from = rnd.nextInt(Math.max(1, s - 900));
                    int len = 300 + rnd.nextInt(600);
                    int step = 2 + rnd.nextInt(4);
                    for (int k = from; k < Math.min(s, from + len); k++) {
                        if (!t.constant[k]) {
                            t.smartStep[k] = step;
                        }
                    }
                }
            }
            return t;
        }
    }
}
