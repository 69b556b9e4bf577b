package dev.paceline.simulator.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The recorded samples of one activity (after auto-pause gaps and smart recording): one entry per recorded sample,
 * {@code time} in seconds since the start. Arrays are null when the activity does not carry that stream.
 */
public record ActivityStreams(int[] time, double[] distance, double[] lat, double[] lng, double[] altitude,
                              double[] velocity, int[] heartrate, int[] cadence, int[] watts, int[] temp,
                              boolean[] moving, double[] grade) {

    /** Stream keys in Strava's order. */
    public static final String[] KEYS = {"time", "distance", "latlng", "altitude", "velocity_smooth", "heartrate",
            "cadence", "watts", "temp", "moving", "grade_smooth"};

    public int size() {
        return time.length;
    }

    /**
     * All streams in Strava's {@code key_by_type=true} form:
     * {@code {"watts":{"data":[...],"series_type":"distance","original_size":N,"resolution":"high"}, ...}}.
     */
    public ObjectNode toKeyByType(String seriesType) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        for (String key : KEYS) {
            ArrayNode data = data(key);
            if (data == null) {
                continue;
            }
            ObjectNode stream = out.putObject(key);
            stream.set("data", data);
            stream.put("series_type", seriesType);
            stream.put("original_size", size());
            stream.put("resolution", "high");
        }
        return out;
    }

    private ArrayNode data(String key) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode a = f.arrayNode();
        switch (key) {
            case "time" -> { for (int v : time) a.add(v); }
            case "distance" -> { if (distance == null) return null; for (double v : distance) a.add(v); }
            case "latlng" -> {
                if (lat == null) return null;
                for (int i = 0; i < lat.length; i++) a.addArray().add(lat[i]).add(lng[i]);
            }
            case "altitude" -> { if (altitude == null) return null; for (double v : altitude) a.add(v); }
            case "velocity_smooth" -> { if (velocity == null) return null; for (double v : velocity) a.add(v); }
            case "heartrate" -> { if (heartrate == null) return null; for (int v : heartrate) a.add(v); }
            case "cadence" -> { if (cadence == null) return null; for (int v : cadence) a.add(v); }
            case "watts" -> { if (watts == null) return null; for (int v : watts) a.add(v); }
            case "temp" -> { if (temp == null) return null; for (int v : temp) a.add(v); }
            case "moving" -> { for (boolean v : moving) a.add(v); }
            case "grade_smooth" -> { if (grade == null) return null; for (double v : grade) a.add(v); }
            default -> { return null; }
        }
        return a;
    }
}
