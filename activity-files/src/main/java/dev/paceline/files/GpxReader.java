package dev.paceline.files;

import dev.paceline.files.ActivityFileException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a GPX 1.0 or 1.1 track with StAX, one point at a time: position, elevation, time, GPX 1.0's {@code speed},
 * and in extensions heart rate, cadence and temperature ({@code gpxtpx:TrackPointExtension} and its variants) and a
 * bare {@code power} element. All tracks and segments of a file form one recording; waypoints and routes are not
 * recordings.
 */
public final class GpxReader {

    private GpxReader() {
    }

    public static List<Recording> read(InputStream in, String name) throws IOException {
        XMLStreamReader r = XmlTracks.open(in, name);
        TrackRecorder rec = new TrackRecorder();
        TrackRecorder.Sample s = new TrackRecorder.Sample();
        String type = null;
        String creator = null;
        int points = 0;
        try {
            boolean sawRoot = false;
            boolean inPoint = false;
            boolean inTrk = false;
            Instant time = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    text.setLength(0);
                    if ("gpx".equals(local)) {
                        sawRoot = true;
                        creator = XmlTracks.attributeText(r, "creator");
                    } else if ("trk".equals(local)) {
                        inTrk = true;
                    } else if ("trkpt".equals(local)) {
                        inPoint = true;
                        s.clear();
                        time = null;
                        s.position(XmlTracks.attribute(r, "lat"), XmlTracks.attribute(r, "lon"));
                        points++;
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (text.length() < 4096) {
                        text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String local = r.getLocalName();
                    if (inPoint) {
                        switch (local.toLowerCase(Locale.ROOT)) {
                            case "time" -> time = XmlTracks.time(text.toString());
                            case "ele" -> s.altitude(XmlTracks.number(text.toString()));
                            case "speed" -> s.speed(XmlTracks.number(text.toString()));
                            case "hr", "heartrate" -> s.heartrate(XmlTracks.number(text.toString()));
                            case "cad", "cadence" -> s.cadence(XmlTracks.number(text.toString()));
                            case "atemp", "temp", "wtemp" -> s.temp(XmlTracks.number(text.toString()));
                            case "power", "watts" -> s.watts(XmlTracks.number(text.toString()));
                            case "trkpt" -> {
                                inPoint = false;
                                if (time != null) {
                                    rec.add(time.getEpochSecond(), s);
                                }
                            }
                            default -> {
                            }
                        }
                    } else if (inTrk && "type".equals(local)) {
                        type = text.toString().strip();
                    } else if ("trk".equals(local)) {
                        inTrk = false;
                    }
                    text.setLength(0);
                }
            }
            if (!sawRoot) {
                throw new ActivityFileException(Reason.CORRUPT, name + " is XML but not GPX (no gpx element): check "
                        + "that it is the file you meant to import.");
            }
        } catch (XMLStreamException e) {
            throw XmlTracks.malformed(name, e);
        }
        if (rec.seconds() == 0) {
            throw new ActivityFileException(Reason.NOT_AN_ACTIVITY, name + (points == 0
                    ? " has no track points (a route or waypoints only): there is no recording to import."
                    : " has track points without times (a planned route, not a recording): there are no samples to import."));
        }
        return List.of(new Recording(ActivityFormat.GPX, sportType(type), creator, false, 0, rec.track()));
    }

    /** Strava writes its sport as the track type (e.g. {@code cycling}, {@code running}, or a number in old exports). */
    static String sportType(String type) {
        if (type == null || type.isEmpty()) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "cycling", "biking", "ride", "road_biking", "1" -> "Ride";
            case "running", "run", "9" -> "Run";
            case "walking", "walk", "10" -> "Walk";
            case "hiking", "hike", "4" -> "Hike";
            case "mountain_biking", "mountainbikeride" -> "MountainBikeRide";
            default -> null;
        };
    }
}
