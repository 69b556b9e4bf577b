package dev.paceline.platform.lake;

import java.time.Instant;

/**
 * Metadata of one lake object.
 *
 * @param path relative lake path
 * @param size bytes
 * @param generation increases on every write of the path; survives restarts; 0 when the store keeps none
 * @param updated time of the last write
 * @param contentHash hex SHA-256 (file lake) or base64 MD5 (GCS) of the content: equal content, equal hash per store
 */
public record ObjectInfo(String path, long size, long generation, Instant updated, String contentHash) {
}
