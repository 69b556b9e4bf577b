package dev.paceline.files;

/**
 * One activity read from a file.
 *
 * @param format the file's format
 * @param sportType Strava's {@code sport_type} for the file's sport (e.g. {@code Ride}, {@code Run}), null when the
 *     file does not say
 * @param deviceName the recording device as the file names it, or null
 * @param trainer true when the file marks the activity as indoor (FIT sub-sport indoor/virtual, trainer)
 * @param part 0 for a whole file; 1, 2, … for the sessions of a multisport file split into activities
 * @param track the 1 Hz samples
 */
public record Recording(ActivityFormat format, String sportType, String deviceName, boolean trainer, int part,
        Track track) {
}
