package dev.paceline.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The streams of one activity as primitive arrays, one element per sample, in canonical form:
 * {@code time} strictly increasing whole seconds ≥ 0, every other stream aligned with it.
 *
 * <p>Missing values are {@link Double#NaN} in numeric streams and {@code -1} in {@code moving}; an absent stream is
 * a {@code null} array ({@link #has(StreamType)} is false). Canonicalisation, applied by the parser and the builder:
 * <ul>
 *   <li>samples whose time is null, negative or not finite are dropped; fractional times are floored to the second;</li>
 *   <li>unsorted times are sorted (stable); several samples on the same second are merged, per stream the
 *       <em>last</em> non-null value in payload order wins;</li>
 *   <li>a stream shorter than {@code time} is padded with missing values, extra values are ignored;</li>
 *   <li>without a {@code time} stream there is no time base: the set is empty ({@link #size()} 0).</li>
 * </ul>
 * Instances are immutable; accessors return copies, the statistics read the arrays directly.
 */
public final class StreamSet {

    /** No samples at all (no streams, a 404 "no streams" payload, or streams without {@code time}). */
    public static final StreamSet EMPTY = new StreamSet(new int[0], null, null, null, null, null, null, null, null,
            null, null, null, false);

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    final int[] time;
    final double[] distance;
    final double[] velocity;
    final double[] watts;
    final double[] heartrate;
    final double[] cadence;
    final double[] altitude;
    final double[] grade;
    final double[] temp;
    final double[] lat;
    final double[] lng;
    final byte[] moving;
    private final boolean reordered;

    private StreamSet(int[] time, double[] distance, double[] velocity, double[] watts, double[] heartrate,
            double[] cadence, double[] altitude, double[] grade, double[] temp, double[] lat, double[] lng,
            byte[] moving, boolean reordered) {
        this.time = time;
        this.distance = distance;
        this.velocity = velocity;
        this.watts = watts;
        this.heartrate = heartrate;
        this.cadence = cadence;
        this.altitude = altitude;
        this.grade = grade;
        this.temp = temp;
        this.lat = lat;
        this.lng = lng;
        this.moving = moving;
        this.reordered = reordered;
    }

    /** Number of samples (distinct seconds). */
    public int size() {
        return time.length;
    }

    /** Whether the payload carried the stream (possibly with only nulls in it). */
    public boolean has(StreamType type) {
        return switch (type) {
            case TIME -> time.length > 0;
            case DISTANCE -> distance != null;
            case VELOCITY_SMOOTH -> velocity != null;
            case WATTS -> watts != null;
            case HEARTRATE -> heartrate != null;
            case CADENCE -> cadence != null;
            case ALTITUDE -> altitude != null;
            case GRADE_SMOOTH -> grade != null;
            case TEMP -> temp != null;
            case LATLNG -> lat != null;
            case MOVING -> moving != null;
        };
    }

    /** True when the payload's samples were out of order or repeated a second and had to be sorted or merged. */
    public boolean reordered() {
        return reordered;
    }

    /** Last time value in seconds, or -1 without samples. */
    public int lastTime() {
        return time.length == 0 ? -1 : time[time.length - 1];
    }

    public int[] time() {
        return time.clone();
    }

    /** Values of a numeric stream (NaN = missing), or {@code null} when absent. For LATLNG use {@link #latitude()}. */
    public double[] values(StreamType type) {
        double[] a = switch (type) {
            case DISTANCE -> distance;
            case VELOCITY_SMOOTH -> velocity;
            case WATTS -> watts;
            case HEARTRATE -> heartrate;
            case CADENCE -> cadence;
            case ALTITUDE -> altitude;
            case GRADE_SMOOTH -> grade;
            case TEMP -> temp;
            case LATLNG -> lat;
            case TIME -> {
                double[] t = new double[time.length];
                for (int i = 0; i < t.length; i++) {
                    t[i] = time[i];
                }
                yield t;
            }
            case MOVING -> {
                if (moving == null) {
                    yield null;
                }
                double[] m = new double[moving.length];
                for (int i = 0; i < m.length; i++) {
                    m[i] = moving[i] < 0 ? Double.NaN : moving[i];
                }
                yield m;
            }
        };
        return a == null ? null : a.clone();
    }

    public double[] latitude() {
        return lat == null ? null : lat.clone();
    }

    public double[] longitude() {
        return lng == null ? null : lng.clone();
    }

    // ------------------------------------------------------------------ parsing

    /** Parses a streams payload (either form), or a raw lake envelope whose {@code payload} holds one. */
    public static StreamSet parse(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            return read(p);
        } catch (IOException e) {
            throw io(e);
        }
    }

    public static StreamSet parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses from a stream; the caller closes it. */
    public static StreamSet parse(InputStream json) {
        try (JsonParser p = JSON.createParser(json)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return read(p);
        } catch (IOException e) {
            throw io(e);
        }
    }

    /**
     * Reads one streams value from a parser positioned before or on its first token, leaving the parser on the
     * value's last token: lets a caller walk its own document (e.g. a raw envelope) and hand over the
     * {@code payload} value without copying bytes.
     */
    public static StreamSet read(JsonParser p) {
        try {
            JsonToken t = p.currentToken();
            if (t == null || t == JsonToken.FIELD_NAME) {
                t = p.nextToken();
            }
            if (t == null || t == JsonToken.VALUE_NULL) {
                return EMPTY;
            }
            Raw raw = new Raw();
            if (t == JsonToken.START_OBJECT) {
                readKeyed(p, raw);
            } else if (t == JsonToken.START_ARRAY) {
                readArrayForm(p, raw);
            } else {
                throw new StreamFormatException("Streams JSON must be an object keyed by stream type "
                        + "(GET /activities/{id}/streams?key_by_type=true) or an array of {\"type\",\"data\"} "
                        + "objects; found " + t + " at " + where(p) + ". Pass the streams payload as Strava returned it.");
            }
            if (raw.envelopePayload != null) {
                return raw.envelopePayload;
            }
            return raw.build();
        } catch (JsonProcessingException e) {
            throw new StreamFormatException("Malformed streams JSON at " + where(p) + ": " + e.getOriginalMessage()
                    + ". The payload is not valid JSON: re-fetch the streams of this activity.", e);
        } catch (IOException e) {
            throw io(e);
        }
    }

    private static void readKeyed(JsonParser p, Raw raw) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("payload".equals(name)) {
                // a raw lake envelope: {"envelope_version":1,...,"payload":{...}}
                raw.envelopePayload = v == JsonToken.VALUE_NULL ? EMPTY : read(p);
                continue;
            }
            StreamType type = StreamType.fromKey(name);
            if (type == null) {
                p.skipChildren();
            } else if (v == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken dv = p.nextToken();
                    if ("data".equals(f) && dv == JsonToken.START_ARRAY) {
                        raw.put(type, readData(p));
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (v == JsonToken.START_ARRAY) {
                raw.put(type, readData(p)); // tolerate {"time":[...]} without the wrapper object
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readArrayForm(JsonParser p, Raw raw) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            StreamType type = null;
            Data data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if ("type".equals(f) && v == JsonToken.VALUE_STRING) {
                    type = StreamType.fromKey(p.getText());
                } else if ("data".equals(f) && v == JsonToken.START_ARRAY) {
                    data = readData(p);
                } else {
                    p.skipChildren();
                }
            }
            if (type != null && data != null) {
                raw.put(type, data);
            }
        }
    }

    /** Reads a data array: numbers, booleans (1/0), nulls (NaN), numeric strings, or [lat, lng] pairs. */
    private static Data readData(JsonParser p) throws IOException {
        Data d = new Data();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            switch (t) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> d.add(p.getDoubleValue());
                case VALUE_TRUE -> d.add(1);
                case VALUE_FALSE -> d.add(0);
                case START_ARRAY -> {
                    double a = Double.NaN;
                    double b = Double.NaN;
                    int i = 0;
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        double x = e.isNumeric() ? p.getDoubleValue() : Double.NaN;
                        if (e.isStructStart()) {
                            p.skipChildren();
                        }
                        if (i == 0) {
                            a = x;
                        } else if (i == 1) {
                            b = x;
                        }
                        i++;
                    }
                    d.addPair(a, b);
                }
                case VALUE_STRING -> d.add(parseNumber(p.getText()));
                case START_OBJECT -> {
                    p.skipChildren();
                    d.add(Double.NaN);
                }
                default -> d.add(Double.NaN);
            }
        }
        return d;
    }

    private static double parseNumber(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String where(JsonParser p) {
        var loc = p.currentLocation();
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static UncheckedIOException io(IOException e) {
        return new UncheckedIOException("Could not read the streams payload: " + e.getMessage(), e);
    }

    /** A growable data array; the second lane is used for latlng pairs only. */
    static final class Data {
        double[] a = new double[4096];
        double[] b;
        int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
                if (b != null) {
                    b = Arrays.copyOf(b, n * 2);
                }
            }
            if (b != null) {
                b[n] = Double.NaN;
            }
            a[n++] = v;
        }

        double[] trimmed() {
            return a.length == n ? a : Arrays.copyOf(a, n);
        }

        void addPair(double x, double y) {
            if (b == null) {
                b = new double[a.length];
                Arrays.fill(b, 0, n, Double.NaN);
            }
            add(x);
            b[n - 1] = y;
        }
    }

    /** Streams as read, before canonicalisation. */
    private static final class Raw {
        final Data[] byType = new Data[StreamType.values().length];
        StreamSet envelopePayload;

        void put(StreamType type, Data d) {
            byType[type.ordinal()] = d;
        }

        StreamSet build() {
            Data t = byType[StreamType.TIME.ordinal()];
            if (t == null) {
                return EMPTY;
            }
            Builder b = new Builder();
            b.time = t.trimmed();
            for (StreamType type : StreamType.values()) {
                Data d = byType[type.ordinal()];
                if (d == null || type == StreamType.TIME) {
                    continue;
                }
                if (type == StreamType.LATLNG) {
                    b.channels[type.ordinal()] = d.trimmed();
                    b.lngs = d.b == null ? nanArray(d.n) : Arrays.copyOf(d.b, d.n);
                } else {
                    b.channels[type.ordinal()] = d.trimmed(); // owned by the builder: no defensive copy
                }
            }
            return b.build();
        }
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    // ------------------------------------------------------------------ building

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Assembles a stream set from arrays (NaN = missing; for {@code moving} any value other than 0/1 is missing);
     * {@link #build()} applies the canonicalisation described on the class. The arrays are not retained.
     */
    public static final class Builder {
        private double[] time;
        private final double[][] channels = new double[StreamType.values().length][];
        private double[] lngs;

        public Builder time(double... seconds) {
            this.time = seconds.clone();
            return this;
        }

        public Builder time(int... seconds) {
            double[] t = new double[seconds.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = seconds[i];
            }
            this.time = t;
            return this;
        }

        /** Sets a numeric stream ({@code moving}: 1 = true, 0 = false). */
        public Builder set(StreamType type, double... values) {
            if (type == StreamType.TIME) {
                return time(values);
            }
            if (type == StreamType.LATLNG) {
                throw new IllegalArgumentException("latlng has two lanes: use latlng(lat, lng)");
            }
            channels[type.ordinal()] = values.clone();
            return this;
        }

        public Builder watts(double... v) {
            return set(StreamType.WATTS, v);
        }

        public Builder heartrate(double... v) {
            return set(StreamType.HEARTRATE, v);
        }

        public Builder velocity(double... v) {
            return set(StreamType.VELOCITY_SMOOTH, v);
        }

        public Builder distance(double... v) {
            return set(StreamType.DISTANCE, v);
        }

        public Builder moving(boolean... v) {
            double[] m = new double[v.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = v[i] ? 1 : 0;
            }
            channels[StreamType.MOVING.ordinal()] = m;
            return this;
        }

        public Builder latlng(double[] latitudes, double[] longitudes) {
            if (latitudes.length != longitudes.length) {
                throw new IllegalArgumentException("latlng lanes differ in length: " + latitudes.length + " vs "
                        + longitudes.length);
            }
            channels[StreamType.LATLNG.ordinal()] = latitudes.clone();
            lngs = longitudes.clone();
            return this;
        }

        public StreamSet build() {
            if (time == null) {
                return EMPTY;
            }
            int n = time.length;
            // keep samples with a usable time, as (second << 32 | index) keys: sorting them is a stable sort by second
            long[] keys = new long[n];
            int kept = 0;
            boolean sorted = true;
            long prevSecond = -1;
            for (int i = 0; i < n; i++) {
                double t = time[i];
                if (!(t >= 0) || Double.isInfinite(t) || t > Integer.MAX_VALUE) {
                    continue;
                }
                long s = (long) Math.floor(t);
                if (s <= prevSecond) {
                    sorted = false;
                }
                prevSecond = Math.max(prevSecond, s);
                keys[kept++] = (s << 32) | i;
            }
            if (!sorted) {
                Arrays.sort(keys, 0, kept);
            }
            // distinct seconds
            int m = 0;
            for (int k = 0; k < kept; k++) {
                if (k == 0 || (keys[k] >>> 32) != (keys[k - 1] >>> 32)) {
                    m++;
                }
            }
            int[] outTime = new int[m];
            int[] group = new int[kept]; // output index of each kept sample
            int j = -1;
            for (int k = 0; k < kept; k++) {
                if (k == 0 || (keys[k] >>> 32) != (keys[k - 1] >>> 32)) {
                    j++;
                    outTime[j] = (int) (keys[k] >>> 32);
                }
                group[k] = j;
            }
            // every sample kept, in order, one per second: share the builder-owned arrays (never mutated) instead of merging
            boolean identity = sorted && kept == n;
            double[][] out = new double[channels.length][];
            for (StreamType type : StreamType.values()) {
                double[] src = channels[type.ordinal()];
                if (src == null || type == StreamType.TIME) {
                    continue;
                }
                out[type.ordinal()] = identity && src.length == n ? src : merge(src, keys, group, kept, m);
            }
            double[] outLng = lngs == null ? null : identity && lngs.length == n ? lngs : merge(lngs, keys, group, kept, m);
            byte[] mv = null;
            double[] movingRaw = out[StreamType.MOVING.ordinal()];
            if (movingRaw != null) {
                mv = new byte[m];
                for (int i = 0; i < m; i++) {
                    double x = movingRaw[i];
                    mv[i] = x == 1 ? (byte) 1 : x == 0 ? (byte) 0 : (byte) -1;
                }
            }
            return new StreamSet(outTime, out[StreamType.DISTANCE.ordinal()],
                    out[StreamType.VELOCITY_SMOOTH.ordinal()], out[StreamType.WATTS.ordinal()],
                    out[StreamType.HEARTRATE.ordinal()], out[StreamType.CADENCE.ordinal()],
                    out[StreamType.ALTITUDE.ordinal()], out[StreamType.GRADE_SMOOTH.ordinal()],
                    out[StreamType.TEMP.ordinal()], out[StreamType.LATLNG.ordinal()], outLng, mv,
                    !sorted || m != kept);
        }

        /** Values in canonical order; on a repeated second the last non-null value in payload order wins. */
        private static double[] merge(double[] src, long[] keys, int[] group, int kept, int m) {
            double[] dst = new double[m];
            Arrays.fill(dst, Double.NaN);
            for (int k = 0; k < kept; k++) {
                int i = (int) (keys[k] & 0xffffffffL);
                double v = i < src.length ? src[i] : Double.NaN;
                if (!Double.isNaN(v)) {
                    dst[group[k]] = v;
                }
            }
            return dst;
        }
    }
}
