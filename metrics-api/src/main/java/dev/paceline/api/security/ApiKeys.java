package dev.paceline.api.security;

import dev.paceline.api.ApiKey;
import dev.paceline.api.config.ApiConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, held only as SHA-256 hashes. A presented key is hashed and compared with every configured
 * hash in constant time ({@link MessageDigest#isEqual}), without stopping at the first match.
 */
@ApplicationScoped
public class ApiKeys {

    private final List<ApiKey> keys;

    @Inject
    public ApiKeys(ApiConfig config) {
        this(parseAll(config));
    }

    public ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
        if (this.keys.isEmpty()) {
            Log.warn("no API keys configured: every /api call is refused with 401. Set PACELINE_LOCAL_API_KEY for the "
                    + "local demo, or paceline.api.keys.hashed / paceline.api.keys.file (see docs/api.md)");
        }
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

    static List<ApiKey> parseAll(ApiConfig config) {
        List<ApiKey> keys = new ArrayList<>();
        config.keys().hashed().ifPresent(v -> keys.addAll(parse(v, "paceline.api.keys.hashed")));
        config.keys().file().ifPresent(f -> {
            try {
                keys.addAll(parse(Files.readString(Path.of(f)), "paceline.api.keys.file " + f));
            } catch (IOException e) {
                throw new IllegalStateException("paceline.api.keys.file=" + f + " cannot be read (" + e
                        + "): mount the API key secret there or unset the key");
            }
        });
        config.keys().local().filter(s -> !s.isBlank()).ifPresent(plain -> {
            byte[] hash = sha256(plain.trim().getBytes(StandardCharsets.UTF_8));
            keys.add(new ApiKey(hash, true, Set.of(), "local:" + HexFormat.of().formatHex(hash).substring(0, 8)));
        });
        return keys;
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
            byte[] hash = HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
            String label = hex.substring(0, 8).toLowerCase(java.util.Locale.ROOT);
            if (scope.equals("admin")) {
                keys.add(new ApiKey(hash, true, Set.of(), label));
            } else if (scope.startsWith("athletes=")) {
                Set<Long> ids = new LinkedHashSet<>();
                for (String id : scope.substring("athletes=".length()).split(",")) {
                    try {
                        ids.add(Long.parseLong(id.trim()));
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException(source + ": key " + label + " names athlete '" + id.trim()
                                + "', which is not a number; write athletes=<id>,<id>");
                    }
                }
                keys.add(new ApiKey(hash, false, Set.copyOf(ids), label));
            } else {
                throw new IllegalStateException(source + ": key " + label + " has scope '" + scope
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
            throw new IllegalStateException(e);
        }
    }
}
