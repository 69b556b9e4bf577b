package dev.paceline.files;

import java.util.Locale;

/** The activity file formats read; a file is known by its name (an optional {@code .gz} after the format's). */
public enum ActivityFormat {
    FIT, TCX, GPX;

    /** The format a file name says, or null (e.g. {@code 3001.fit.gz} → FIT). */
    public static ActivityFormat ofName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".fit")) {
            return FIT;
        }
        if (n.endsWith(".tcx")) {
            return TCX;
        }
        if (n.endsWith(".gpx")) {
            return GPX;
        }
        return null;
    }

    /** Whether the name says gzip. */
    public static boolean gzipped(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
