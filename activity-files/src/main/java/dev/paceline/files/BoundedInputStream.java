package dev.paceline.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes read and fails past a limit: the guard against gzip and zip bombs (inflated size, not header claims). */
class BoundedInputStream extends FilterInputStream {

    /** Thrown when more than the limit was read. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private final long limit;
    private final String name;
    private long count;

    BoundedInputStream(InputStream in, long limit, String name) {
        super(in);
        this.limit = limit;
        this.name = name;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        add(s);
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(name + " inflates to more than " + limit / (1024 * 1024) + " MiB, the limit for one "
                    + "activity file (a real 24-hour recording is far smaller): the file is damaged or a zip bomb; "
                    + "leave it out, or raise the limit if it is genuine.");
        }
    }
}
