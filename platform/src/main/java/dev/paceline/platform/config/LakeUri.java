package dev.paceline.platform.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * A parsed {@code paceline.lake.uri}: a local folder ({@code ./.paceline/lake}, {@code /abs/path},
 * {@code file:///abs/path}) or a GCS bucket and prefix ({@code gs://bucket/prefix}).
 */
public sealed interface LakeUri {

    String KEY = "paceline.lake.uri";
    String ACCEPTED = "a folder path (./.paceline/lake), file:///absolute/path, or gs://bucket[/prefix]";

    record Folder(Path root) implements LakeUri {
    }

    record Gcs(String bucket, String prefix) implements LakeUri {
    }

    /** Parses the value of {@value #KEY}; a malformed value is an {@link IllegalArgumentException} naming the key and the accepted forms. */
    static LakeUri parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid(value, "it is empty");
        }
        String v = value.trim();
        if (v.startsWith("gs://")) {
            String rest = v.substring("gs://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            if (!bucket.matches("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]")) {
                throw invalid(value, "'" + bucket + "' is not a valid GCS bucket name (3-63 characters: lowercase letters, digits, '.', '-', '_')");
            }
            while (prefix.endsWith("/")) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
            if (prefix.contains("//") || prefix.contains("..")) {
                throw invalid(value, "the prefix has an empty or '..' segment");
            }
            return new Gcs(bucket, prefix);
        }
        if (v.startsWith("file:")) {
            try {
                URI uri = URI.create(v);
                if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                    throw invalid(value, "file: URIs must be absolute (file:///abs/path); use a plain relative path instead");
                }
                return new Folder(Path.of(uri).toAbsolutePath().normalize());
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(KEY)) {
                    throw e;
                }
                throw invalid(value, e.getMessage());
            }
        }
        if (v.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw invalid(value, "the scheme '" + v.substring(0, v.indexOf(':')) + "' is not supported");
        }
        return new Folder(Path.of(v).toAbsolutePath().normalize());
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException(KEY + "='" + value + "' is invalid: " + why + ". Accepted forms: " + ACCEPTED);
    }
}
