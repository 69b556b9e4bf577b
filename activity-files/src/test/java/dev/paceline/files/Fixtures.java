package dev.paceline.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The miniature export in src/test/resources/exports (see its README for sources and licences). */
final class Fixtures {

    private Fixtures() {
    }

    static InputStream open(String resource) {
        InputStream in = Fixtures.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return in;
    }

    static List<Recording> exportFile(String name) {
        try (InputStream in = open("/exports/activities/" + name)) {
            return ActivityFiles.read(name, in, ActivityFiles.DEFAULT_MAX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Recording> bytes(String name, byte[] content) {
        return ActivityFiles.read(name, new java.io.ByteArrayInputStream(content), ActivityFiles.DEFAULT_MAX_BYTES);
    }
}
