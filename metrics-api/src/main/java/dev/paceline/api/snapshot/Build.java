package dev.paceline.api.snapshot;

import dev.paceline.platform.contract.ServingManifest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A loaded serving build: its manifest and when this instance switched to it. Requests take one {@code Build} at their
 * start and use only it, so a swap never mixes two builds in one answer.
 */
public record Build(ServingManifest manifest, Instant loadedAt) {

    public String id() {
        return manifest.buildId();
    }

    /** The UTC date of the data's as-of time (the default "today" of date parameters); falls back to created_at. */
    public LocalDate asOfDate() {
        String t = manifest.asOf() != null ? manifest.asOf() : manifest.createdAt();
        try {
            return Instant.parse(t).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (RuntimeException e) {
            return loadedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        }
    }

    public boolean hasAthlete(long athleteId) {
        return manifest.athletes() != null && manifest.athletes().containsKey(Long.toString(athleteId));
    }
}
