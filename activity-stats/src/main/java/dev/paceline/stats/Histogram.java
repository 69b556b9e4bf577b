package dev.paceline.stats;

/**
 * Seconds of the 1 Hz grid per value bucket, recorded and moving: the sufficient statistic for time in zones
 * (a zone change re-sums buckets, never re-reads streams). Only non-empty buckets are kept, ascending, as parallel
 * primitive arrays: row {@code i} is (bucket {@code bucket(i)}, {@code recordedS(i)}, {@code movingS(i)}), i.e. a
 * warehouse row (activity, kind, bucket, recorded_s, moving_s).
 *
 * <p>Bucket = value × {@link Kind#scale()} rounded half up (whole bpm, whole W, 0.01 m/s); values above
 * {@link Kind#maxBucket()} are counted in that top bucket (sensor spikes stay in the top zone instead of inflating
 * the table).
 */
public final class Histogram {

    /** What a histogram counts; the bucket unit is {@code 1 / scale} of the value unit. */
    public enum Kind {
        HEARTRATE("heartrate", 1, 300),
        POWER("power", 1, 10_000),
        SPEED("speed", 100, 10_000);

        private final String key;
        private final int scale;
        private final int maxBucket;

        Kind(String key, int scale, int maxBucket) {
            this.key = key;
            this.scale = scale;
            this.maxBucket = maxBucket;
        }

        /** Name for the warehouse column {@code kind}. */
        public String key() {
            return key;
        }

        /** Buckets per value unit: 1 per bpm, 1 per W, 100 per m/s. */
        public int scale() {
            return scale;
        }

        /** Largest bucket: 300 bpm, 10 000 W, 100 m/s. */
        public int maxBucket() {
            return maxBucket;
        }

        public int bucketOf(double value) {
            long b = Math.round(value * scale);
            return (int) Math.max(0, Math.min(maxBucket, b));
        }
    }

    private final Kind kind;
    private final int[] buckets;
    private final int[] recordedS;
    private final int[] movingS;

    private Histogram(Kind kind, int[] buckets, int[] recordedS, int[] movingS) {
        this.kind = kind;
        this.buckets = buckets;
        this.recordedS = recordedS;
        this.movingS = movingS;
    }

    /** Builds from a grid channel (NaN = no value) and the grid's moving mask. */
    static Histogram of(Kind kind, double[] values, boolean[] moving) {
        if (values == null) {
            return new Histogram(kind, new int[0], new int[0], new int[0]);
        }
        int max = -1;
        for (double v : values) {
            if (v == v) {
                max = Math.max(max, kind.bucketOf(v));
            }
        }
        if (max < 0) {
            return new Histogram(kind, new int[0], new int[0], new int[0]);
        }
        int[] rec = new int[max + 1];
        int[] mov = new int[max + 1];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v == v) {
                int b = kind.bucketOf(v);
                rec[b]++;
                if (moving[i]) {
                    mov[b]++;
                }
            }
        }
        int rows = 0;
        for (int r : rec) {
            if (r > 0) {
                rows++;
            }
        }
        int[] b = new int[rows];
        int[] r = new int[rows];
        int[] m = new int[rows];
        for (int i = 0, k = 0; i <= max; i++) {
            if (rec[i] > 0) {
                b[k] = i;
                r[k] = rec[i];
                m[k] = mov[i];
                k++;
            }
        }
        return new Histogram(kind, b, r, m);
    }

    /** Rebuilds a histogram from warehouse rows (e.g. to sum zones in Java); buckets must be strictly increasing. */
    public static Histogram fromRows(Kind kind, int[] buckets, int[] recordedS, int[] movingS) {
        if (buckets.length != recordedS.length || buckets.length != movingS.length) {
            throw new IllegalArgumentException("histogram rows must have equal lengths");
        }
        for (int i = 1; i < buckets.length; i++) {
            if (buckets[i] <= buckets[i - 1]) {
                throw new IllegalArgumentException("histogram buckets must be strictly increasing, found "
                        + buckets[i - 1] + " then " + buckets[i]);
            }
        }
        return new Histogram(kind, buckets.clone(), recordedS.clone(), movingS.clone());
    }

    public Kind kind() {
        return kind;
    }

    /** Number of rows (non-empty buckets). */
    public int size() {
        return buckets.length;
    }

    public boolean isEmpty() {
        return buckets.length == 0;
    }

    public int bucket(int row) {
        return buckets[row];
    }

    /** The bucket's value in the value unit (bpm, W, m/s). */
    public double value(int row) {
        return (double) buckets[row] / kind.scale;
    }

    public int recordedS(int row) {
        return recordedS[row];
    }

    public int movingS(int row) {
        return movingS[row];
    }

    public long totalRecordedS() {
        long s = 0;
        for (int x : recordedS) {
            s += x;
        }
        return s;
    }

    public long totalMovingS() {
        long s = 0;
        for (int x : movingS) {
            s += x;
        }
        return s;
    }

    @Override
    public String toString() {
        return "Histogram[" + kind + ", " + buckets.length + " buckets, " + totalRecordedS() + " s]";
    }
}
