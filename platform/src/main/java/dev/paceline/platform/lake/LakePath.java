package dev.paceline.platform.lake;

/** Validation of relative lake paths, shared by every adapter. */
public final class LakePath {

    private LakePath() {
    }

    /**
     * Returns {@code path} when it is a valid object path: non-empty, '/'-separated, relative, no empty, "." or ".."
     * segments, no backslashes or control characters.
     *
     * @throws IllegalArgumentException naming the path and the rule it breaks
     */
    public static String validate(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("lake path is empty: give a relative path such as raw/strava/x.json");
        }
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("lake path '" + path + "' is absolute: lake paths are relative to the lake root");
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("lake path '" + path + "' ends with '/': name an object, not a folder");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("lake path '" + path.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a backslash or control character: use '/' and printable characters");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("lake path '" + path + "' has an empty segment ('//')");
            }
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("lake path '" + path + "' contains '" + segment
                        + "': lake paths may not leave or refer to the current folder");
            }
        }
        return path;
    }

    /** Validates a listing prefix: empty (the whole lake) or a path prefix without '..' or empty segments. */
    public static String validatePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        validate(prefix.endsWith("/") ? prefix + "x" : prefix);
        return prefix;
    }
}
