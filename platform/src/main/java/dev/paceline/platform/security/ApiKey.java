package dev.paceline.platform.security;

import java.util.Set;

/**
 * A configured API key: the SHA-256 of the key and its scope.
 *
 * @param sha256 SHA-256 of the key's UTF-8 bytes
 * @param admin reads every athlete and may call the operations endpoints of ingest and transform
 * @param athletes athlete ids it may read (when not admin)
 * @param label how logs name it (the first 8 hex digits of its hash)
 */
public record ApiKey(byte[] sha256, boolean admin, Set<Long> athletes, String label) {

    public boolean canRead(long athleteId) {
        return admin || athletes.contains(athleteId);
    }
}
