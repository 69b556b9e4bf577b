package dev.paceline.files;

import dev.paceline.files.ActivityFileException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Garmin Training Center (TCX) file with StAX, one trackpoint at a time: position, altitude, distance,
 * heart rate, cadence, and the {@code TPX} extension's speed, watts and run cadence (any namespace prefix). One
 * recording per {@code Activity}.
 */
public final class TcxReader {

    private TcxReader() {
    }

    public static List<Recording> read(InputStream in, String name) throws IOException {
        XMLStreamReader r = XmlTracks.open(in, name);
        List<Recording> out = new ArrayList<>();
        try {
            TrackRecorder rec = null;
            TrackRecorder.Sample s = new TrackRecorder.Sample();
            String sport = null;
            String device = null;
            Instant time = null;
            boolean inPoint = false;
            boolean inHr = false;
            boolean inCreator = false;
            boolean sawRoot = false;
            int activities = 0;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    text.setLength(0);
                    switch (local) {
                        case "TrainingCenterDatabase" -> sawRoot = true;
                        case "Activity" -> {
                            rec = new TrackRecorder();
                            sport = XmlTracks.attributeText(r, "Sport");
                            device = null;
                            activities++;
                        }
                        case "Trackpoint" -> {
                            inPoint = true;
                            s.clear();
                            time = null;
                        }
                        case "HeartRateBpm" -> inHr = true;
                        case "Creator" -> inCreator = true;
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (text.length() < 4096) {
                        text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String local = r.getLocalName();
                    if (inPoint) {
                        switch (local) {
                            case "Time" -> time = XmlTracks.time(text.toString());
                            case "LatitudeDegrees" -> s.lat = XmlTracks.number(text.toString());
                            case "LongitudeDegrees" -> {
                                double lng = XmlTracks.number(text.toString());
                                s.position(s.lat, lng);
                            }
                            case "AltitudeMeters" -> s.altitude(XmlTracks.number(text.toString()));
                            case "DistanceMeters" -> s.distance(XmlTracks.number(text.toString()));
                            case "Value" -> {
                                if (inHr) {
                                    s.heartrate(XmlTracks.number(text.toString()));
                                }
                            }
                            case "HeartRateBpm" -> inHr = false;
                            case "Cadence", "RunCadence" -> s.cadence(XmlTracks.number(text.toString()));
                            case "Speed" -> s.speed(XmlTracks.number(text.toString()));
                            case "Watts" -> s.watts(XmlTracks.number(text.toString()));
                            case "Trackpoint" -> {
                                inPoint = false;
                                if (s.lat != s.lat || s.lng != s.lng) {
                                    s.lat = Double.NaN;
                                    s.lng = Double.NaN;
                                }
                                if (time != null && rec != null) {
                                    rec.add(time.getEpochSecond(), s);
                                }
                            }
                            default -> {
                            }
                        }
                    } else if (inCreator && "Name".equals(local)) {
                        device = text.toString().strip();
                    } else if ("Creator".equals(local)) {
                        inCreator = false;
                    } else if ("Activity".equals(local) && rec != null) {
                        if (rec.seconds() > 0) {
                            out.add(new Recording(ActivityFormat.TCX, sportType(sport), device, false,
                                    activities > 1 ? activities : 0, rec.track()));
                        }
                        rec = null;
                    }
                    text.setLength(0);
                }
            }
            if (!sawRoot) {
                throw new ActivityFileException(Reason.CORRUPT, name + " is XML but not TCX (no "
                        + "TrainingCenterDatabase element): check that it is the file you meant to import.");
            }
        } catch (XMLStreamException e) {
            throw XmlTracks.malformed(name, e);
        }
        if (out.isEmpty()) {
            throw new ActivityFileException(Reason.NOT_AN_ACTIVITY, name + " holds no timed trackpoints (a course "
                    + "or a manual entry): there are no samples to import.");
        }
        return out;
    }

    static String sportType(String sport) {
        if (sport == null) {
            return null;
        }
        return switch (sport.strip().toLowerCase(Locale.ROOT)) {
            case "biking" -> "Ride";
            case "running" -> "Run";
            default -> null;
        };
    }
}
