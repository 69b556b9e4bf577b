package dev.paceline.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes an imported activity in the shapes the Strava API returns, so the warehouse models read imported and
 * fetched activities alike: a SummaryActivity-shaped object and a {@code key_by_type=true} streams object.
 *
 * <p>Precedence (docs/data-contracts.md "Imported activities"): metadata — name, type, gear, commute, description
 * and Strava's own totals — from the CSV row when there is one; samples and everything derived from them from the
 * file. Times are UTC: neither the CSV nor most files say the local time zone, so {@code start_date_local} equals
 * {@code start_date} until an API sync of the same activity replaces it.
 */
public final class StravaPayloads {

    private static final JsonFactory JSON = new JsonFactory();
    /** Altitude changes smaller than this (m) are noise, not climbing: the hysteresis of the elevation gain. */
    static final double ELEVATION_HYSTERESIS_M = 2.0;

    private StravaPayloads() {
    }

    /** Where an imported activity came from, kept in its payload as {@code external_id} and {@code paceline_import}. */
    public record Origin(String file, String format, int part, String sha256) {
    }

    /**
     * The activity summary.
     *
     * @param id the activity id (the CSV's Activity ID, or one derived from the file's content)
     * @param athleteId owner
     * @param recording the file's recording, or null for a row without a readable file
     * @param csv the CSV row, or null for a loose file
     * @param origin the source file, or null for a manual row
     */
    public static byte[] activity(long id, long athleteId, Recording recording, CsvActivity csv, Origin origin) {
        if (recording == null && csv == null) {
            throw new IllegalArgumentException("an activity needs a recording or a CSV row");
        }
        Track t = recording == null ? null : recording.track();
        Summary s = t == null ? null : Summary.of(t);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("id", id);
            g.writeNumberField("resource_state", 2);
            g.writeObjectFieldStart("athlete");
            g.writeNumberField("id", athleteId);
            g.writeEndObject();
            String sportType = csv != null && csv.sportType() != null ? csv.sportType()
                    : recording != null && recording.sportType() != null ? recording.sportType() : "Workout";
            String name = csv != null && csv.name() != null ? csv.name() : defaultName(sportType, t);
            g.writeStringField("name", name);
            g.writeStringField("type", sportType);
            g.writeStringField("sport_type", sportType);
            if (csv != null && csv.description() != null) {
                g.writeStringField("description", csv.description());
            }
            Instant start = t != null ? t.start() : csv.start();
            String startText = start.truncatedTo(ChronoUnit.SECONDS).toString();
            g.writeStringField("start_date", startText);
            g.writeStringField("start_date_local", startText);
            g.writeStringField("timezone", "(GMT+00:00) UTC");
            g.writeNumberField("utc_offset", 0);
            number(g, "distance", pick(csv == null ? null : csv.distanceM(), s == null ? null : s.distanceM), 1);
            integer(g, "moving_time", pickInt(csv == null ? null : csv.movingS(), s == null ? null : s.movingS));
            integer(g, "elapsed_time", pickInt(csv == null ? null : csv.elapsedS(), s == null ? null : s.elapsedS));
            number(g, "total_elevation_gain", pick(csv == null ? null : csv.elevationGainM(), s == null ? null : s.gainM), 1);
            g.writeBooleanField("trainer", recording != null && (recording.trainer() || !t.hasGps() && isIndoorType(sportType)));
            g.writeBooleanField("commute", csv != null && csv.commute());
            g.writeBooleanField("manual", recording == null && (csv == null || csv.filename() == null));
            g.writeBooleanField("private", false);
            number(g, "average_speed", pick(csv == null ? null : csv.averageSpeedMps(), s == null ? null : s.avgSpeed), 3);
            number(g, "max_speed", pick(csv == null ? null : csv.maxSpeedMps(), s == null ? null : s.maxSpeed), 3);
            boolean hasHr = s != null ? s.avgHr != null : csv.averageHeartrate() != null;
            g.writeBooleanField("has_heartrate", hasHr);
            number(g, "average_heartrate", pick(csv == null ? null : csv.averageHeartrate(), s == null ? null : s.avgHr), 1);
            number(g, "max_heartrate", pick(csv == null ? null : csv.maxHeartrate(), s == null ? null : s.maxHr), 1);
            Double avgW = pick(csv == null ? null : csv.averageWatts(), s == null ? null : s.avgWatts);
            g.writeBooleanField("device_watts", s != null && s.avgWatts != null);
            number(g, "average_watts", avgW, 1);
            number(g, "max_watts", pick(csv == null ? null : csv.maxWatts(), s == null ? null : s.maxWatts), 0);
            number(g, "weighted_average_watts", csv == null ? null : csv.weightedAverageWatts(), 0);
            number(g, "kilojoules", s == null ? null : s.kilojoules, 1);
            number(g, "average_cadence", pick(csv == null ? null : csv.averageCadence(), s == null ? null : s.avgCadence), 1);
            number(g, "average_temp", s == null ? null : s.avgTemp, 0);
            number(g, "calories", csv == null ? null : csv.calories(), 1);
            if (csv != null && csv.gear() != null) {
                g.writeObjectFieldStart("gear");
                g.writeStringField("name", csv.gear());
                g.writeEndObject();
            }
            if (recording != null && recording.deviceName() != null) {
                g.writeStringField("device_name", recording.deviceName());
            }
            if (origin != null) {
                g.writeStringField("external_id", origin.file());
                g.writeObjectFieldStart("paceline_import");
                g.writeStringField("file", origin.file());
                if (origin.format() != null) {
                    g.writeStringField("format", origin.format());
                }
                g.writeNumberField("part", origin.part());
                if (origin.sha256() != null) {
                    g.writeStringField("sha256", origin.sha256());
                }
                g.writeBooleanField("csv_row", csv != null);
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The streams object ({@code key_by_type=true}) of a track. */
    public static byte[] streams(Track t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, t.size() * 120));
        int n = t.size();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("time");
            g.writeArrayFieldStart("data");
            for (int v : t.time()) {
                g.writeNumber(v);
            }
            g.writeEndArray();
            trailer(g, n);
            if (t.lat() != null) {
                g.writeObjectFieldStart("latlng");
                g.writeArrayFieldStart("data");
                for (int i = 0; i < n; i++) {
                    double la = t.lat()[i];
                    double lo = t.lng()[i];
                    if (la != la || lo != lo) {
                        g.writeNull();
                    } else {
                        g.writeStartArray();
                        g.writeNumber(round(la, 6));
                        g.writeNumber(round(lo, 6));
                        g.writeEndArray();
                    }
                }
                g.writeEndArray();
                trailer(g, n);
            }
            channel(g, "distance", t.distance(), 1, n);
            channel(g, "altitude", t.altitude(), 1, n);
            channel(g, "velocity_smooth", t.velocity(), 3, n);
            channel(g, "heartrate", t.heartrate(), 0, n);
            channel(g, "cadence", t.cadence(), 0, n);
            channel(g, "watts", t.watts(), 0, n);
            channel(g, "temp", t.temp(), 0, n);
            if (t.moving() != null) {
                g.writeObjectFieldStart("moving");
                g.writeArrayFieldStart("data");
                for (boolean m : t.moving()) {
                    g.writeBoolean(m);
                }
                g.writeEndArray();
                trailer(g, n);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void channel(JsonGenerator g, String key, double[] v, int decimals, int n) throws IOException {
        if (v == null) {
            return;
        }
        g.writeObjectFieldStart(key);
        g.writeArrayFieldStart("data");
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (x != x) {
                g.writeNull();
            } else if (decimals == 0) {
                g.writeNumber(Math.round(x));
            } else {
                g.writeNumber(round(x, decimals));
            }
        }
        g.writeEndArray();
        trailer(g, n);
    }

    private static void trailer(JsonGenerator g, int n) throws IOException {
        g.writeStringField("series_type", "time");
        g.writeNumberField("original_size", n);
        g.writeStringField("resolution", "high");
        g.writeEndObject();
    }

    static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }

    private static void number(JsonGenerator g, String key, Double v, int decimals) throws IOException {
        if (v == null || v.isNaN()) {
            return;
        }
        if (decimals == 0) {
            g.writeNumberField(key, Math.round(v));
        } else {
            g.writeNumberField(key, round(v, decimals));
        }
    }

    private static void integer(JsonGenerator g, String key, Integer v) throws IOException {
        if (v != null) {
            g.writeNumberField(key, v);
        }
    }

    /** Strava's value when it has one (non-zero: the CSV writes 0 for "not computed"), else the file's. */
    private static Double pick(Double strava, Double file) {
        return strava != null && strava != 0 ? strava : file;
    }

    private static Integer pickInt(Integer strava, Integer file) {
        return strava != null && strava != 0 ? strava : file;
    }

    private static boolean isIndoorType(String sportType) {
        return sportType.startsWith("Virtual");
    }

    private static String defaultName(String sportType, Track t) {
        return t == null ? sportType : sportType + " " + t.start().toString().substring(0, 10);
    }

    /** Totals of a track, in Strava's definitions as far as a file allows. */
    static final class Summary {
        Double distanceM;
        Integer movingS;
        Integer elapsedS;
        Double gainM;
        Double avgSpeed;
        Double maxSpeed;
        Double avgHr;
        Double maxHr;
        Double avgWatts;
        Double maxWatts;
        Double kilojoules;
        Double avgCadence;
        Double avgTemp;

        static Summary of(Track t) {
            Summary s = new Summary();
            s.elapsedS = t.elapsedS();
            s.movingS = t.movingS();
            s.distanceM = max(t.distance());
            s.gainM = gain(t.altitude());
            if (s.distanceM != null && s.movingS > 0) {
                s.avgSpeed = s.distanceM / s.movingS;
            }
            s.maxSpeed = max(t.velocity());
            s.avgHr = mean(t.heartrate(), false);
            s.maxHr = max(t.heartrate());
            s.avgWatts = mean(t.watts(), false);
            s.maxWatts = max(t.watts());
            if (t.watts() != null) {
                double j = 0;
                for (double w : t.watts()) {
                    if (w == w) {
                        j += w;
                    }
                }
                s.kilojoules = j / 1000.0;
            }
            s.avgCadence = mean(t.cadence(), true);
            s.avgTemp = mean(t.temp(), false);
            return s;
        }

        private static Double max(double[] v) {
            if (v == null) {
                return null;
            }
            double m = Double.NaN;
            for (double x : v) {
                if (x == x && (m != m || x > m)) {
                    m = x;
                }
            }
            return m == m ? m : null;
        }

        /** Mean of the values present; cadence leaves out zeros (coasting), as Strava's average cadence does. */
        private static Double mean(double[] v, boolean skipZeros) {
            if (v == null) {
                return null;
            }
            double sum = 0;
            int n = 0;
            for (double x : v) {
                if (x == x && !(skipZeros && x == 0)) {
                    sum += x;
                    n++;
                }
            }
            return n == 0 ? null : sum / n;
        }

        static Double gain(double[] alt) {
            if (alt == null) {
                return null;
            }
            double gain = 0;
            double ref = Double.NaN;
            for (double a : alt) {
                if (a != a) {
                    continue;
                }
                if (ref != ref) {
                    ref = a;
                } else if (a - ref >= ELEVATION_HYSTERESIS_M) {
                    gain += a - ref;
                    ref = a;
                } else if (ref - a >= ELEVATION_HYSTERESIS_M) {
                    ref = a;
                }
            }
            return gain;
        }
    }
}
