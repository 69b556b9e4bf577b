package dev.paceline.stats;

/** Power zone presets as shares of FTP (METRICS.md); bounds are rounded to whole watts (half up). */
public enum PowerZones {
    /** The original's default: 0, 60, 76, 90, 105, 119 % of FTP. */
    SEED6("seed6", 0, 0.60, 0.76, 0.90, 1.05, 1.19),
    /** Coggan's seven levels: 0, 55, 75, 90, 105, 120, 150 % of FTP. */
    COGGAN7("coggan7", 0, 0.55, 0.75, 0.90, 1.05, 1.20, 1.50);

    private final String key;
    private final double[] shares;

    PowerZones(String key, double... shares) {
        this.key = key;
        this.shares = shares;
    }

    public String key() {
        return key;
    }

    public int zoneCount() {
        return shares.length;
    }

    /** Lower bounds (W) of the zones for an FTP. */
    public double[] bounds(double ftpW) {
        double[] b = new double[shares.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Math.round(shares[i] * ftpW);
        }
        return b;
    }

    public static PowerZones fromKey(String key) {
        for (PowerZones p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown power zone preset '" + key + "': use seed6 or coggan7");
    }
}
