package dev.paceline.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API keys every service accepts, held only as SHA-256 hashes: {@value #HASHED_KEY} and {@value #FILE_KEY}
 * entries, and the plain local key {@value #LOCAL_KEY} ({@code PACELINE_LOCAL_API_KEY}, admin scope, hashed at start).
 * A presented key is hashed and compared with every configured hash in constant time ({@link MessageDigest#isEqual}),
 * without stopping at the first match. The keys are read at start-up, so a malformed entry or a local key shorter than
 * {@value #LOCAL_KEY_MIN_LENGTH} characters stops the service with the cause and the fix.
 *
 * <p>Plain {@code @ConfigProperty} keys rather than a {@code @ConfigMapping}: the {@code paceline.api} prefix also
 * holds metrics-api's own settings.
 */
@ApplicationScoped
public class ApiKeys {

    /** Hashed entries {@code <sha256-hex>:admin} or {@code <sha256-hex>:athletes=1,2}, ';'- or line-separated. */
    public static final String HASHED_KEY = "paceline.api.keys.hashed";
    /** A file (a mounted secret) with more hashed entries, one per line; '#' starts a comment. */
    public static final String FILE_KEY = "paceline.api.keys.file";
    /** A plain admin key for local use ({@code PACELINE_LOCAL_API_KEY}); never logged. */
    public static final String LOCAL_KEY = "paceline.api.keys.local";
    /** Shortest accepted local key: 24 characters of base64 or hex carry at least 96 bits. */
    public static final int LOCAL_KEY_MIN_LENGTH = 24;

    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());

    private final List<ApiKey> keys;

    @Inject
    public ApiKeys(@ConfigProperty(name = HASHED_KEY) Optional<String> hashed,
            @ConfigProperty(name = FILE_KEY) Optional<String> file,
            @ConfigProperty(name = LOCAL_KEY) Optional<String> local) {
        this(parseAll(hashed, file, local));
    }

    public ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
        if (this.keys.isEmpty()) {
            LOG.warning("no API keys configured: every call that needs a key is refused with 401. Set "
                    + "PACELINE_LOCAL_API_KEY for local use, or PACELINE_API_KEYS_HASHED / paceline.api.keys.file "
                    + "(docs/api.md, Auth)");
        }
    }

    /** Reads the keys when the service starts, so a bad entry stops it there rather than on the first request. */
    void checkAtStartup(@Observes Startup event) {
        LOG.fine(() -> keys.size() + " API keys configured");
    }

    /** The key matching {@code presented}, if any. */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented.getBytes(StandardCharsets.UTF_8));
        ApiKey found = null;
        for (ApiKey k : keys) {
            if (MessageDigest.isEqual(hash, k.sha256()) && found == null) {
                found = k;
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return keys.size();
    }

    static List<ApiKey> parseAll(Optional<String> hashed, Optional<String> file, Optional<String> local) {
        List<ApiKey> keys = new ArrayList<>();
        hashed.ifPresent(v -> keys.addAll(parse(v, HASHED_KEY + " (PACELINE_API_KEYS_HASHED)")));
        file.filter(f -> !f.isBlank()).ifPresent(f -> {
            try {
                keys.addAll(parse(Files.readString(Path.of(f)), FILE_KEY + " " + f));
            } catch (IOException e) {
                throw new IllegalStateException(FILE_KEY + "=" + f + " cannot be read (" + e.getClass().getSimpleName()
                        + "): mount the API key secret there or unset the key");
            }
        });
        local.map(String::trim).filter(s -> !s.isEmpty()).ifPresent(plain -> keys.add(localKey(plain)));
        return keys;
    }

    /** The admin key for a plain local key; refuses one too short to resist guessing. */
    public static ApiKey localKey(String plain) {
        if (plain.length() < LOCAL_KEY_MIN_LENGTH) {
            throw new IllegalStateException("PACELINE_LOCAL_API_KEY (" + LOCAL_KEY + ") has " + plain.length()
                    + " characters; it needs at least " + LOCAL_KEY_MIN_LENGTH + ". Generate one with: openssl rand "
                    + "-hex 16 (./paceline up generates one in .paceline/api-key when the variable is unset)");
        }
        byte[] hash = sha256(plain.getBytes(StandardCharsets.UTF_8));
        return new ApiKey(hash, true, Set.of(), "local:" + HexFormat.of().formatHex(hash).substring(0, 8));
    }

    /**
     * Parses entries {@code <sha256-hex>:admin} or {@code <sha256-hex>:athletes=1,2}, separated by ';' or new lines;
     * blank lines and text after '#' are ignored.
     */
    public static List<ApiKey> parse(String text, String source) {
        List<ApiKey> keys = new ArrayList<>();
        for (String line : text.split("[;\\n\\r]+")) {
            int hashMark = line.indexOf('#');
            String entry = (hashMark >= 0 ? line.substring(0, hashMark) : line).trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String hex = colon < 0 ? entry : entry.substring(0, colon).trim();
            String scope = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException(source + ": entry '" + abbreviate(entry) + "' does not start with a "
                        + "64-digit SHA-256 hex; write <sha256-hex>:admin or <sha256-hex>:athletes=1,2 "
                        + "(hash a key with: printf %s \"$KEY\" | sha256sum)");
            }
            byte[] hash = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
            String label = hex.substring(0, 8).toLowerCase(Locale.ROOT);
            if (scope.equals("admin")) {
                keys.add(new ApiKey(hash, true, Set.of(), label));
            } else if (scope.startsWith("athletes=")) {
                Set<Long> ids = new LinkedHashSet<>();
                for (String id : scope.substring("athletes=".length()).split(",")) {
                    try {
                        ids.add(Long.parseLong(id.trim()));
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException(source + ": key " + label + " names athlete '" + abbreviate(id.trim())
                                + "', which is not a number; write athletes=<id>,<id>");
                    }
                }
                keys.add(new ApiKey(hash, false, Set.copyOf(ids), label));
            } else {
                throw new IllegalStateException(source + ": key " + label + " has scope '" + abbreviate(scope)
                        + "'; use 'admin' or 'athletes=<id>,<id>'");
            }
        }
        return keys;
    }

    private static String abbreviate(String s) {
        return s.length() <= 12 ? s : s.substring(0, 12) + "…";
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
