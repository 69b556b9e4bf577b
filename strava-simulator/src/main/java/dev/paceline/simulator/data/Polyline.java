package dev.paceline.simulator.data;

/** Google's encoded polyline algorithm (what Strava's {@code map.summary_polyline} holds). */
public final class Polyline {

    private Polyline() {
    }

    /** Encodes every {@code step}-th point of the track (and the last one). */
    public static String encode(double[] lat, double[] lng, int step) {
        if (lat == null || lat.length == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        long prevLat = 0;
        long prevLng = 0;
        for (int i = 0; i < lat.length; i = next(i, step, lat.length)) {
            long la = Math.round(lat[i] * 1e5);
            long lo = Math.round(lng[i] * 1e5);
            encodeValue(la - prevLat, out);
            encodeValue(lo - prevLng, out);
            prevLat = la;
            prevLng = lo;
        }
        return out.toString();
    }

    private static int next(int i, int step, int length) {
        if (i == length - 1) {
            return length;
        }
        return Math.min(i + step, length - 1);
    }

    private static void encodeValue(long value, StringBuilder out) {
        long v = value < 0 ? ~(value << 1) : value << 1;
        while (v >= 0x20) {
            out.append((char) ((0x20 | (v & 0x1f)) + 63));
            v >>= 5;
        }
        out.append((char) (v + 63));
    }
}
