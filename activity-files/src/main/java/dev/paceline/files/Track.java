package dev.paceline.files;

import java.time.Instant;

/**
 * The samples of one activity on a 1 Hz grid, in the channels of Strava's streams. {@code time} holds whole seconds
 * since {@link #start()}, strictly increasing, with gaps where the recording paused; every other channel is aligned
 * with it. Missing values are {@link Double#NaN}; a channel the file never carried is {@code null}.
 *
 * <p>Arrays are owned by the track and must not be modified by callers (tracks are large: no defensive copies).
 */
public record Track(
        Instant start,
        int[] time,
        double[] lat,
        double[] lng,
        double[] distance,
        double[] altitude,
        double[] velocity,
        double[] heartrate,
        double[] cadence,
        double[] watts,
        double[] temp,
        boolean[] moving) {

    /** Number of 1 Hz samples. */
    public int size() {
        return time.length;
    }

    /** Seconds from the start to the end of the last sample (Strava's elapsed time), 0 without samples. */
    public int elapsedS() {
        return time.length == 0 ? 0 : time[time.length - 1] + 1;
    }

    /** Samples flagged as moving (Strava's moving time at 1 Hz). */
    public int movingS() {
        if (moving == null) {
            return 0;
        }
        int n = 0;
        for (boolean m : moving) {
            if (m) {
                n++;
            }
        }
        return n;
    }

    public boolean hasGps() {
        return lat != null;
    }

    public boolean hasWatts() {
        return watts != null;
    }

    public boolean hasHeartrate() {
        return heartrate != null;
    }
}
