package dev.paceline.files;

import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.DeveloperField;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import dev.paceline.files.ActivityFileException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a FIT activity file with Garmin's FIT SDK, streaming (one message at a time): records resampled to 1 Hz,
 * compressed timestamps expanded by the SDK, timer stop/start events as pauses, developer fields ignored except a
 * power field when the native one is absent (Stryd and similar pods write running power there). A file with several
 * sport sessions (multisport) becomes one recording per session; transitions between them are left out.
 */
public final class FitReader {

    private static final double SEMICIRCLE_DEG = 180.0 / 2147483648.0;

    private FitReader() {
    }

    /** The activities in a FIT file, a multisport file split per session; the caller closes {@code in}. */
    public static List<Recording> read(InputStream in, String name) {
        return read(in, name, true);
    }

    /** The activities in a FIT file; without {@code split} a multisport file is one recording. */
    public static List<Recording> read(InputStream in, String name, boolean split) {
        Collector c = new Collector();
        Decode decode = new Decode();
        try {
            if (!decode.read(in, c::onMesg)) {
                throw new ActivityFileException(Reason.CORRUPT, name + " is not a valid FIT file (the SDK rejected its "
                        + "header or CRC): export the activity again from the device or the service it came from.");
            }
        } catch (FitRuntimeException e) {
            String m = String.valueOf(e.getMessage());
            String lower = m.toLowerCase(Locale.ROOT);
            if (c.fileType != null && c.fileType != File.ACTIVITY) {
                throw notActivity(name, c.fileType);
            }
            if (lower.contains("end of") || lower.contains("eof") || lower.contains("premature")
                    || e.getCause() instanceof java.io.EOFException) {
                throw new ActivityFileException(Reason.TRUNCATED, name + " ends before its data does (" + m + "; "
                        + c.recorder.seconds() + " seconds read): the upload or copy was interrupted — take the "
                        + "original file from the device again.", e);
            }
            if (lower.contains("crc")) {
                throw new ActivityFileException(Reason.CORRUPT, name + " fails its FIT checksum (" + m + "): the file "
                        + "is damaged — take the original from the device again.", e);
            }
            throw new ActivityFileException(Reason.CORRUPT, name + " could not be decoded as FIT: " + m
                    + ". Take the original file from the device again.", e);
        }
        if (c.fileType == null) {
            throw new ActivityFileException(Reason.CORRUPT, name + " has no file_id message, so it is not a FIT file a "
                    + "device wrote: export the activity again.");
        }
        if (c.fileType != File.ACTIVITY) {
            throw notActivity(name, c.fileType);
        }
        if (c.recorder.seconds() == 0) {
            throw new ActivityFileException(Reason.NOT_AN_ACTIVITY, name + " is a FIT activity without any timed "
                    + "record (a manual entry or an empty recording): there are no samples to import.");
        }
        return c.recordings(name, split);
    }

    private static ActivityFileException notActivity(String name, File type) {
        return new ActivityFileException(Reason.NOT_AN_ACTIVITY, name + " is a FIT " + type.name().toLowerCase(Locale.ROOT)
                + " file, not an activity: only activity files hold a workout's samples; leave it out of the import.");
    }

    /** One sport session of the file. */
    private record Session(long startS, long endS, Sport sport, SubSport subSport) {
    }

    private static final class Collector {
        final TrackRecorder recorder = new TrackRecorder();
        final TrackRecorder.Sample sample = new TrackRecorder.Sample();
        final List<Session> sessions = new ArrayList<>();
        File fileType;
        String device;

        void onMesg(Mesg mesg) {
            switch (mesg.getNum()) {
                case MesgNum.FILE_ID -> {
                    FileIdMesg id = new FileIdMesg(mesg);
                    if (fileType == null) {
                        fileType = id.getType();
                        device = deviceName(id.getManufacturer(), id.getProductName());
                    }
                }
                case MesgNum.DEVICE_INFO -> {
                    DeviceInfoMesg d = new DeviceInfoMesg(mesg);
                    if (device == null) {
                        device = deviceName(d.getManufacturer(), d.getProductName());
                    }
                }
                case MesgNum.EVENT -> onEvent(new EventMesg(mesg));
                case MesgNum.RECORD -> onRecord(new RecordMesg(mesg));
                case MesgNum.SESSION -> {
                    SessionMesg s = new SessionMesg(mesg);
                    DateTime start = s.getStartTime();
                    Float elapsed = s.getTotalElapsedTime();
                    DateTime end = s.getTimestamp();
                    if (start != null && (elapsed != null || end != null)) {
                        long startS = start.getInstant().getEpochSecond();
                        // the message's timestamp is the session's end; some devices overstate total_elapsed_time
                        long endS = end != null ? end.getInstant().getEpochSecond() : startS + (long) Math.ceil(elapsed);
                        sessions.add(new Session(startS, endS, s.getSport(), s.getSubSport()));
                    }
                }
                default -> {
                    // laps, device settings, HRV…: not part of the streams
                }
            }
        }

        private void onEvent(EventMesg e) {
            if (e.getEvent() != Event.TIMER || e.getTimestamp() == null || e.getEventType() == null) {
                return;
            }
            long t = e.getTimestamp().getInstant().getEpochSecond();
            EventType type = e.getEventType();
            if (type == EventType.STOP || type == EventType.STOP_ALL || type == EventType.STOP_DISABLE_ALL) {
                recorder.pause(t);
            } else if (type == EventType.START) {
                recorder.resume(t);
            }
        }

        private void onRecord(RecordMesg r) {
            DateTime ts = r.getTimestamp();
            if (ts == null) {
                return;
            }
            TrackRecorder.Sample s = sample.clear();
            Integer lat = r.getPositionLat();
            Integer lng = r.getPositionLong();
            if (lat != null && lng != null) {
                s.position(lat * SEMICIRCLE_DEG, lng * SEMICIRCLE_DEG);
            }
            Float distance = r.getDistance();
            if (distance != null) {
                s.distance(distance);
            }
            Float alt = r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude();
            if (alt != null) {
                s.altitude(alt);
            }
            Float speed = r.getEnhancedSpeed() != null ? r.getEnhancedSpeed() : r.getSpeed();
            if (speed != null) {
                s.speed(speed);
            }
            if (r.getHeartRate() != null) {
                s.heartrate(r.getHeartRate());
            }
            if (r.getCadence() != null) {
                s.cadence(r.getCadence());
            }
            if (r.getTemperature() != null) {
                s.temp(r.getTemperature());
            }
            if (r.getPower() != null) {
                s.watts(r.getPower());
            } else {
                for (DeveloperField f : r.getDeveloperFields()) {
                    if (isPower(f)) {
                        Double w = f.getDoubleValue();
                        if (w != null) {
                            s.watts(w);
                        }
                        break;
                    }
                }
            }
            recorder.add(ts.getInstant().getEpochSecond(), s);
        }

        /** A developer field that carries power in watts (Stryd: "Power", unit "Watts"). */
        private static boolean isPower(DeveloperField f) {
            String n = f.getName();
            String u = f.getUnits();
            return n != null && n.toLowerCase(Locale.ROOT).contains("power")
                    && u != null && u.toLowerCase(Locale.ROOT).startsWith("watt");
        }

        List<Recording> recordings(String name, boolean split) {
            List<Session> sports = sessions.stream().filter(s -> s.sport() != Sport.TRANSITION).toList();
            List<Recording> out = new ArrayList<>();
            if (sports.size() <= 1 || !split) {
                Session s = sports.isEmpty() ? null : sports.get(0);
                out.add(new Recording(ActivityFormat.FIT, s == null ? null : sportType(s.sport(), s.subSport()), device,
                        s != null && indoor(s.subSport()), 0, recorder.track()));
                return out;
            }
            int part = 0;
            for (int i = 0; i < sports.size(); i++) {
                Session s = sports.get(i);
                long end = i + 1 < sports.size() ? Math.min(s.endS(), sports.get(i + 1).startS() - 1) : s.endS();
                Track t = recorder.track(s.startS(), end);
                part++;
                if (t != null) {
                    out.add(new Recording(ActivityFormat.FIT, sportType(s.sport(), s.subSport()), device,
                            indoor(s.subSport()), part, t));
                }
            }
            if (out.isEmpty()) {
                throw new ActivityFileException(Reason.NOT_AN_ACTIVITY, name + " is a multisport file whose sessions "
                        + "hold no records: there are no samples to import.");
            }
            return out;
        }

        private static String deviceName(Integer manufacturer, String product) {
            if (product != null && !product.isBlank()) {
                return product.strip();
            }
            String m = manufacturer == null ? null : Manufacturer.getStringFromValue(manufacturer);
            return m == null || m.isEmpty() ? null : m.toLowerCase(Locale.ROOT);
        }
    }

    static boolean indoor(SubSport sub) {
        return sub == SubSport.INDOOR_CYCLING || sub == SubSport.TREADMILL || sub == SubSport.SPIN
                || sub == SubSport.VIRTUAL_ACTIVITY || sub == SubSport.INDOOR_RUNNING || sub == SubSport.INDOOR_ROWING;
    }

    /** Strava's sport_type for a FIT sport, or null for one Strava has no type for. */
    static String sportType(Sport sport, SubSport sub) {
        if (sport == null) {
            return null;
        }
        return switch (sport) {
            case CYCLING -> sub == SubSport.VIRTUAL_ACTIVITY ? "VirtualRide"
                    : sub == SubSport.MOUNTAIN || sub == SubSport.DOWNHILL ? "MountainBikeRide"
                    : sub == SubSport.GRAVEL_CYCLING || sub == SubSport.CYCLOCROSS ? "GravelRide"
                    : sub == SubSport.HAND_CYCLING || sub == SubSport.INDOOR_HAND_CYCLING ? "Handcycle"
                    : sub == SubSport.E_BIKE_MOUNTAIN ? "EMountainBikeRide"
                    : sub == SubSport.E_BIKE_FITNESS ? "EBikeRide" : "Ride";
            case E_BIKING -> "EBikeRide";
            case RUNNING -> sub == SubSport.TRAIL ? "TrailRun" : sub == SubSport.VIRTUAL_ACTIVITY ? "VirtualRun" : "Run";
            case WALKING -> "Walk";
            case HIKING, MOUNTAINEERING -> "Hike";
            case SWIMMING -> "Swim";
            case ROWING -> "Rowing";
            case CROSS_COUNTRY_SKIING -> sub == SubSport.SKATE_SKIING ? "NordicSki" : "NordicSki";
            case ALPINE_SKIING -> sub == SubSport.BACKCOUNTRY ? "BackcountrySki" : "AlpineSki";
            case SNOWBOARDING -> "Snowboard";
            case SNOWSHOEING -> "Snowshoe";
            case INLINE_SKATING -> "InlineSkate";
            case ICE_SKATING -> "IceSkate";
            case ROCK_CLIMBING -> "RockClimbing";
            case PADDLING -> "Canoeing";
            case KAYAKING -> "Kayaking";
            case STAND_UP_PADDLEBOARDING -> "StandUpPaddling";
            case SURFING -> "Surfing";
            case KITESURFING -> "Kitesurf";
            case WINDSURFING -> "Windsurf";
            case SAILING -> "Sail";
            case GOLF -> "Golf";
            case SOCCER -> "Soccer";
            case TENNIS -> "Tennis";
            case HIIT -> "HighIntensityIntervalTraining";
            case TRAINING -> sub == SubSport.STRENGTH_TRAINING ? "WeightTraining"
                    : sub == SubSport.YOGA ? "Yoga" : sub == SubSport.PILATES ? "Pilates" : "Workout";
            case FITNESS_EQUIPMENT -> sub == SubSport.ELLIPTICAL ? "Elliptical"
                    : sub == SubSport.STAIR_CLIMBING ? "StairStepper"
                    : sub == SubSport.INDOOR_ROWING ? "Rowing"
                    : sub == SubSport.INDOOR_CYCLING ? "Ride"
                    : sub == SubSport.TREADMILL ? "Run" : "Workout";
            case WHEELCHAIR_PUSH_WALK, WHEELCHAIR_PUSH_RUN -> "Wheelchair";
            default -> "Workout";
        };
    }
}
