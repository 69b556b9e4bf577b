package dev.paceline.simulator.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Faults armed through the admin API: the next N calls whose path matches a glob answer with a server error, hang,
 * return malformed JSON or lose their connection. The first armed fault that matches is consumed.
 */
@ApplicationScoped
public class FaultInjector {

    /** What an armed fault does. */
    public enum Kind {
        /** 500 Internal Server Error. */
        ERROR_500(500),
        /** 502 Bad Gateway. */
        ERROR_502(502),
        /** 503 Service Unavailable. */
        ERROR_503(503),
        /** No answer; the connection is closed after {@code simulator.admin.hang-duration}. */
        HANG(0),
        /** 200 with a truncated JSON body. */
        MALFORMED_JSON(200),
        /** The connection is closed without an answer. */
        CONNECTION_RESET(0);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        public static Optional<Kind> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Kind k : values()) {
                if (k.name().equals(v) || k.name().equals("ERROR_" + v)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** One armed fault. */
    public record Fault(long id, String path, String method, Kind kind, int remaining) {
    }

    private record Armed(long id, String glob, Pattern pattern, String method, Kind kind, int[] remaining) {
    }

    private final List<Armed> armed = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * Compiles a path glob: {@code *} matches within one segment, {@code **} across segments.
     *
     * @throws IllegalArgumentException when the glob does not start with {@code /}
     */
    public static Pattern glob(String glob) {
        if (glob == null || !glob.startsWith("/")) {
            throw new IllegalArgumentException("path must be a glob starting with '/', e.g. /api/v3/activities/*");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    public synchronized Fault arm(String path, String method, Kind kind, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        Armed a = new Armed(ids.incrementAndGet(), path, glob(path),
                method == null || method.isBlank() ? null : method.toUpperCase(Locale.ROOT), kind, new int[]{count});
        armed.add(a);
        return view(a);
    }

    /** Consumes one use of the first fault matching the call. */
    public synchronized Optional<Kind> take(String method, String path) {
        Iterator<Armed> it = armed.iterator();
        while (it.hasNext()) {
            Armed a = it.next();
            if ((a.method() == null || a.method().equalsIgnoreCase(method)) && a.pattern().matcher(path).matches()) {
                if (--a.remaining()[0] <= 0) {
                    it.remove();
                }
                return Optional.of(a.kind());
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> list() {
        return armed.stream().map(FaultInjector::view).toList();
    }

    public synchronized void clear() {
        armed.clear();
    }

    private static Fault view(Armed a) {
        return new Fault(a.id(), a.glob(), a.method(), a.kind(), a.remaining()[0]);
    }
}
