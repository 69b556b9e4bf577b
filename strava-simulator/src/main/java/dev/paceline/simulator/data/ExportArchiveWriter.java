package dev.paceline.simulator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garmin.fit.ActivityMesg;
import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the generated athlete's history as a Strava "Download your data" archive: {@code activities.csv} with
 * Strava's header (repeated names: display units first, SI later) and one original file per recorded activity —
 * FIT through Garmin's FIT SDK (timer stop/start around pauses), every tenth a TCX and every tenth a GPX, most
 * gzipped — and manual activities as rows without a file. The samples are exactly the simulator's API streams, so
 * an import of the archive has known answers: the same streams, bests and NP as a sync of the same athlete.
 */
public final class ExportArchiveWriter {

    /** The header of a real export (80 columns), as Strava writes it. */
    static final String HEADER = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
            + "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
            + "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,"
            + "Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,Average Grade,Average Positive Grade,"
            + "Average Negative Grade,Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate,Max Watts,"
            + "Average Watts,Calories,Max Temperature,Average Temperature,Relative Effort,Total Work,Number of Runs,"
            + "Uphill Time,Downhill Time,Other Time,Perceived Exertion,Type,Start Time,Weighted Average Power,"
            + "Power Count,Prefer Perceived Exertion,Perceived Relative Effort,Commute,Total Weight Lifted,From Upload,"
            + "Grade Adjusted Distance,Weather Observation Time,Weather Condition,Weather Temperature,"
            + "Apparent Temperature,Dewpoint,Humidity,Weather Pressure,Wind Speed,Wind Gust,Wind Bearing,"
            + "Precipitation Intensity,Sunrise Time,Sunset Time,Moon Phase,Bike,Gear,Precipitation Probability,"
            + "Precipitation Type,Cloud Cover,Weather Visibility,UV Index,Weather Ozone,Jump Count,Total Grit,"
            + "Average Flow,Flagged";
    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final double SEMICIRCLES_PER_DEG = 2147483648.0 / 180.0;

    private final AthleteGenerator generator;

    public ExportArchiveWriter(AthleteGenerator generator) {
        this.generator = generator;
    }

    /** What was written: rows, files by format. */
    public record Written(int rows, int fit, int tcx, int gpx, int manual, long samples) {
    }

    /** Writes the archive to {@code zip}. */
    public Written write(Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(file, 1 << 16))) {
            return write(out);
        }
    }

    public Written write(ZipOutputStream out) throws IOException {
        String[] header = HEADER.split(",");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int fit = 0;
        int tcx = 0;
        int gpx = 0;
        int manual = 0;
        long samples = 0;
        for (ActivityPlan plan : generator.plans()) {
            ObjectNode summary = generator.summary(plan);
            Optional<ActivityStreams> streams = generator.samples(plan);
            String filename = null;
            if (streams.isPresent() && streams.get().size() > 0) {
                ActivityStreams s = streams.get();
                samples += s.size();
                int kind = (int) (plan.id() % 10);
                byte[] bytes;
                String name;
                if (kind == 3) {
                    bytes = tcx(plan, s);
                    name = plan.id() + ".tcx";
                    tcx++;
                } else if (kind == 7) {
                    bytes = gpx(plan, s);
                    name = plan.id() + ".gpx";
                    gpx++;
                } else {
                    bytes = fit(plan, s);
                    name = plan.id() + ".fit";
                    fit++;
                }
                boolean gzip = plan.id() % 5 != 0; // exports hold both: most originals gzipped, some not
                if (gzip) {
                    bytes = gzip(bytes);
                    name += ".gz";
                }
                filename = "activities/" + name;
                out.putNextEntry(new ZipEntry(filename));
                out.write(bytes);
                out.closeEntry();
            } else {
                manual++;
            }
            csv.append(row(header, plan, summary, filename)).append('\n');
        }
        out.putNextEntry(new ZipEntry("activities.csv"));
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
        return new Written(fit + tcx + gpx + manual, fit, tcx, gpx, manual, samples);
    }

    static String row(String[] header, ActivityPlan plan, JsonNode s, String filename) {
        String[] v = new String[header.length];
        java.util.Arrays.fill(v, "");
        set(header, v, "Activity ID", false, Long.toString(plan.id()));
        set(header, v, "Activity Date", false, quote(CSV_DATE.format(plan.start())));
        set(header, v, "Activity Name", false, quote(plan.name()));
        set(header, v, "Activity Type", false, displayType(plan.sportType()));
        double distance = s.path("distance").asDouble(0);
        set(header, v, "Elapsed Time", false, Integer.toString(s.path("elapsed_time").asInt()));
        set(header, v, "Distance", false, String.format(Locale.ROOT, "%.2f", distance / 1000.0));
        set(header, v, "Commute", false, Boolean.toString(plan.commute()));
        set(header, v, "Filename", false, filename == null ? "" : filename);
        set(header, v, "Elapsed Time", true, String.format(Locale.ROOT, "%.1f", s.path("elapsed_time").asDouble()));
        set(header, v, "Moving Time", true, String.format(Locale.ROOT, "%.1f", s.path("moving_time").asDouble()));
        set(header, v, "Distance", true, String.format(Locale.ROOT, "%.1f", distance));
        if (s.has("max_speed")) {
            set(header, v, "Max Speed", true, s.get("max_speed").asText());
        }
        if (s.has("average_heartrate")) {
            set(header, v, "Average Heart Rate", true, s.get("average_heartrate").asText());
        }
        if (s.has("average_watts")) {
            set(header, v, "Average Watts", true, s.get("average_watts").asText());
        }
        set(header, v, "Commute", true, plan.commute() ? "1.0" : "0.0");
        set(header, v, "From Upload", true, filename == null ? "0.0" : "1.0");
        return String.join(",", v);
    }

    /** Strava's display name of a sport type: {@code VirtualRide} → {@code Virtual Ride}. */
    static String displayType(String sportType) {
        return sportType.replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    private static void set(String[] header, String[] v, String name, boolean last, String value) {
        int at = -1;
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                at = i;
                if (!last) {
                    break;
                }
            }
        }
        v[at] = value;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** The activity as a FIT file: file_id, timer start, records, timer stop/start around pauses, session, activity. */
    static byte[] fit(ActivityPlan plan, ActivityStreams s) {
        BufferEncoder enc = new BufferEncoder(Fit.ProtocolVersion.V2_0);
        Instant start = plan.start();
        FileIdMesg id = new FileIdMesg();
        id.setType(File.ACTIVITY);
        id.setManufacturer(Manufacturer.DEVELOPMENT);
        id.setProduct(1);
        id.setSerialNumber(plan.athleteId());
        id.setTimeCreated(new DateTime(start));
        enc.write(id);
        enc.write(timer(start, EventType.START));
        int n = s.size();
        for (int i = 0; i < n; i++) {
            if (i > 0 && s.time()[i] - s.time()[i - 1] > 1) {
                enc.write(timer(start.plusSeconds(s.time()[i - 1]), EventType.STOP_ALL));
                enc.write(timer(start.plusSeconds(s.time()[i]), EventType.START));
            }
            RecordMesg r = new RecordMesg();
            r.setTimestamp(new DateTime(start.plusSeconds(s.time()[i])));
            if (s.lat() != null && !Double.isNaN(s.lat()[i])) {
                r.setPositionLat((int) Math.round(s.lat()[i] * SEMICIRCLES_PER_DEG));
                r.setPositionLong((int) Math.round(s.lng()[i] * SEMICIRCLES_PER_DEG));
            }
            if (s.distance() != null) {
                r.setDistance((float) s.distance()[i]);
            }
            if (s.altitude() != null) {
                r.setEnhancedAltitude((float) s.altitude()[i]);
            }
            if (s.velocity() != null) {
                r.setEnhancedSpeed((float) s.velocity()[i]);
            }
            if (s.heartrate() != null) {
                r.setHeartRate((short) s.heartrate()[i]);
            }
            if (s.cadence() != null) {
                r.setCadence((short) s.cadence()[i]);
            }
            if (s.watts() != null) {
                r.setPower(s.watts()[i]);
            }
            if (s.temp() != null) {
                r.setTemperature((byte) s.temp()[i]);
            }
            enc.write(r);
        }
        Instant end = start.plusSeconds(s.time()[n - 1]);
        enc.write(timer(end, EventType.STOP_ALL));
        SessionMesg session = new SessionMesg();
        session.setTimestamp(new DateTime(end));
        session.setStartTime(new DateTime(start));
        session.setTotalElapsedTime((float) (s.time()[n - 1] + 1));
        session.setTotalTimerTime((float) n);
        session.setSport(fitSport(plan.sportType()));
        session.setSubSport(plan.sportType().startsWith("Virtual") ? SubSport.VIRTUAL_ACTIVITY
                : plan.trainer() ? SubSport.INDOOR_CYCLING : SubSport.GENERIC);
        if (s.distance() != null) {
            session.setTotalDistance((float) s.distance()[n - 1]);
        }
        enc.write(session);
        ActivityMesg activity = new ActivityMesg();
        activity.setTimestamp(new DateTime(end));
        activity.setNumSessions(1);
        activity.setTotalTimerTime((float) n);
        enc.write(activity);
        return enc.close();
    }

    private static EventMesg timer(Instant at, EventType type) {
        EventMesg e = new EventMesg();
        e.setTimestamp(new DateTime(at));
        e.setEvent(Event.TIMER);
        e.setEventType(type);
        return e;
    }

    private static Sport fitSport(String sportType) {
        if (sportType.endsWith("Ride")) {
            return Sport.CYCLING;
        }
        if (sportType.endsWith("Run")) {
            return Sport.RUNNING;
        }
        if (sportType.equals("Walk")) {
            return Sport.WALKING;
        }
        if (sportType.equals("Hike")) {
            return Sport.HIKING;
        }
        if (sportType.equals("Swim")) {
            return Sport.SWIMMING;
        }
        return Sport.TRAINING;
    }

    /** The activity as TCX, with the spaces Strava's TCX exports put before {@code <?xml}, and TPX watts/speed. */
    static byte[] tcx(ActivityPlan plan, ActivityStreams s) {
        StringBuilder b = new StringBuilder(s.size() * 300);
        b.append("          <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" ")
                .append("xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n<Activities>\n")
                .append("<Activity Sport=\"").append(plan.sportType().endsWith("Ride") ? "Biking"
                        : plan.sportType().endsWith("Run") ? "Running" : "Other").append("\">\n<Id>")
                .append(plan.start()).append("</Id>\n<Lap StartTime=\"").append(plan.start()).append("\">\n<Track>\n");
        for (int i = 0; i < s.size(); i++) {
            b.append("<Trackpoint><Time>").append(plan.start().plusSeconds(s.time()[i])).append("</Time>");
            if (s.lat() != null && !Double.isNaN(s.lat()[i])) {
                b.append("<Position><LatitudeDegrees>").append(s.lat()[i]).append("</LatitudeDegrees><LongitudeDegrees>")
                        .append(s.lng()[i]).append("</LongitudeDegrees></Position>");
            }
            if (s.altitude() != null) {
                b.append("<AltitudeMeters>").append(s.altitude()[i]).append("</AltitudeMeters>");
            }
            if (s.distance() != null) {
                b.append("<DistanceMeters>").append(s.distance()[i]).append("</DistanceMeters>");
            }
            if (s.heartrate() != null) {
                b.append("<HeartRateBpm><Value>").append(s.heartrate()[i]).append("</Value></HeartRateBpm>");
            }
            if (s.cadence() != null) {
                b.append("<Cadence>").append(s.cadence()[i]).append("</Cadence>");
            }
            if (s.velocity() != null || s.watts() != null) {
                b.append("<Extensions><ns3:TPX>");
                if (s.velocity() != null) {
                    b.append("<ns3:Speed>").append(s.velocity()[i]).append("</ns3:Speed>");
                }
                if (s.watts() != null) {
                    b.append("<ns3:Watts>").append(s.watts()[i]).append("</ns3:Watts>");
                }
                b.append("</ns3:TPX></Extensions>");
            }
            b.append("</Trackpoint>\n");
        }
        b.append("</Track>\n</Lap>\n<Creator><Name>Paceline simulator</Name></Creator>\n</Activity>\n</Activities>\n")
                .append("</TrainingCenterDatabase>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The activity as GPX 1.1 with TrackPointExtension hr/cad/atemp and a bare power element. */
    static byte[] gpx(ActivityPlan plan, ActivityStreams s) {
        StringBuilder b = new StringBuilder(s.size() * 250);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"StravaGPX\" ")
                .append("xmlns=\"http://www.topografix.com/GPX/1/1\" ")
                .append("xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n<trk><name>")
                .append(plan.name().replace("&", "&amp;").replace("<", "&lt;")).append("</name><type>")
                .append(plan.sportType().endsWith("Ride") ? "cycling" : plan.sportType().endsWith("Run") ? "running"
                        : plan.sportType().toLowerCase(Locale.ROOT)).append("</type><trkseg>\n");
        for (int i = 0; i < s.size(); i++) {
            b.append("<trkpt");
            if (s.lat() != null && !Double.isNaN(s.lat()[i])) {
                b.append(" lat=\"").append(s.lat()[i]).append("\" lon=\"").append(s.lng()[i]).append('"');
            }
            b.append('>');
            if (s.altitude() != null) {
                b.append("<ele>").append(s.altitude()[i]).append("</ele>");
            }
            b.append("<time>").append(plan.start().plusSeconds(s.time()[i])).append("</time><extensions>");
            if (s.watts() != null) {
                b.append("<power>").append(s.watts()[i]).append("</power>");
            }
            b.append("<gpxtpx:TrackPointExtension>");
            if (s.temp() != null) {
                b.append("<gpxtpx:atemp>").append(s.temp()[i]).append("</gpxtpx:atemp>");
            }
            if (s.heartrate() != null) {
                b.append("<gpxtpx:hr>").append(s.heartrate()[i]).append("</gpxtpx:hr>");
            }
            if (s.cadence() != null) {
                b.append("<gpxtpx:cad>").append(s.cadence()[i]).append("</gpxtpx:cad>");
            }
            b.append("</gpxtpx:TrackPointExtension></extensions></trkpt>\n");
        }
        b.append("</trkseg></trk>\n</gpx>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code java … ExportArchiveWriter OUT.zip [activities=2000] [years=4] [seed=42]}: for the import bench. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ExportArchiveWriter OUT.zip [activities=2000] [years=4] [seed=42]");
            System.exit(2);
        }
        int activities = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int years = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        Written w = new ExportArchiveWriter(new AthleteGenerator(seed, activities, years)).write(Path.of(args[0]));
        System.out.println(w);
    }

    static List<String> headerNames() {
        return new ArrayList<>(List.of(HEADER.split(",")));
    }
}
