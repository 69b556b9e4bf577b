package dev.paceline.files;

import dev.paceline.files.ActivityFileException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one activity file of any supported format, plain or gzipped, into recordings. The format comes from the
 * name; gzip is recognised by its magic bytes too (some exports gzip files without saying so). Bytes read, after
 * inflation, are bounded by {@code maxBytes}: a gzip bomb is stopped, not inflated.
 */
public final class ActivityFiles {

    /** Default bound on one file's inflated bytes: a 24-hour FIT at 1 Hz is about 5 MB, a GPX about 20 MB. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private ActivityFiles() {
    }

    /** Whether the name is one this reader takes (.fit, .tcx, .gpx, each optionally .gz). */
    public static boolean isActivityFile(String name) {
        return ActivityFormat.ofName(name) != null;
    }

    /** Reads the file's activities, a multisport FIT split per session; the caller closes {@code raw}. */
    public static List<Recording> read(String name, InputStream raw, long maxBytes) {
        return read(name, raw, maxBytes, true);
    }

    /**
     * Reads the file's activities; the caller closes {@code raw}. With {@code splitMultisport} false a multisport FIT
     * is one recording (what Strava made of it when the file was uploaded: one activity per file).
     */
    public static List<Recording> read(String name, InputStream raw, long maxBytes, boolean splitMultisport) {
        ActivityFormat format = ActivityFormat.ofName(name);
        if (format == null) {
            throw new ActivityFileException(Reason.UNKNOWN_FORMAT, name + " is not a FIT, TCX or GPX file (by its "
                    + "name): convert it to one of those, or leave it out of the import.");
        }
        try {
            InputStream in = new BufferedInputStream(raw, 65536);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, 65536), 65536);
            } else if (ActivityFormat.gzipped(name)) {
                throw new ActivityFileException(Reason.CORRUPT, name + " is named .gz but is not gzip data: the file "
                        + "is damaged or misnamed — rename it without .gz if it is plain " + format + ".");
            }
            InputStream bounded = new BoundedInputStream(in, maxBytes, name);
            return switch (format) {
                case FIT -> FitReader.read(bounded, name, splitMultisport);
                case TCX -> TcxReader.read(bounded, name);
                case GPX -> GpxReader.read(bounded, name);
            };
        } catch (ZipException e) {
            throw new ActivityFileException(Reason.CORRUPT, name + " is not valid gzip data (" + e.getMessage()
                    + "): the file is damaged — export it again.", e);
        } catch (java.io.EOFException e) {
            throw new ActivityFileException(Reason.TRUNCATED, name + " ends unexpectedly (" + e.getMessage()
                    + "): the upload or copy was interrupted — take the original file again.", e);
        } catch (BoundedInputStream.LimitExceeded e) {
            throw new ActivityFileException(Reason.TOO_LARGE, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.io.EOFException eof) {
                throw new ActivityFileException(Reason.TRUNCATED, name + " ends unexpectedly (" + eof.getMessage()
                        + "): the upload or copy was interrupted — take the original file again.", e);
            }
            throw new ActivityFileException(Reason.CORRUPT, name + " could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ActivityFileException(Reason.CORRUPT, name + " could not be read: " + e.getMessage(), e);
        } catch (ActivityFileException | com.garmin.fit.FitRuntimeException e) {
            // the XML and FIT decoders wrap the limit's exception in their own
            BoundedInputStream.LimitExceeded limit = limitIn(e);
            if (limit != null) {
                throw new ActivityFileException(Reason.TOO_LARGE, limit.getMessage(), e);
            }
            throw e;
        }
    }

    private static BoundedInputStream.LimitExceeded limitIn(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof BoundedInputStream.LimitExceeded l) {
                return l;
            }
            Throwable next = t.getCause();
            if (next == null && t instanceof javax.xml.stream.XMLStreamException x) {
                next = x.getNestedException();
            }
            t = next;
        }
        return null;
    }
}
