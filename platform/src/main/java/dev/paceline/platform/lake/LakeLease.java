package dev.paceline.platform.lake;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lease object in the lake (e.g. {@code state/transform/lease.json}) so that two runs of one service never overlap,
 * across pods and processes. Taken with a conditional write (ifAbsent, or ifGenerationMatches over an expired lease);
 * a crashed holder's lease expires after its TTL. Renewed and released with ifGenerationMatches, so a holder that lost
 * its lease cannot overwrite the new holder's; {@link #fence} lets a holder check, right before a commit point (a
 * manifest, a serving pointer), that the lease is still its own.
 *
 * <p>The {@link Holder} record is read and written with Jackson: services register it for the native image.
 */
public final class LakeLease {

    private final Lake lake;
    private final String path;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;

    public LakeLease(Lake lake, String path, ObjectMapper json, Clock clock, Duration ttl) {
        this.lake = lake;
        this.path = path;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The lease document. */
    public record Holder(@JsonProperty("owner") String owner, @JsonProperty("run_id") String runId,
            @JsonProperty("acquired_at") String acquiredAt, @JsonProperty("expires_at") String expiresAt) {

        /** True when the lease runs past {@code now}. */
        public boolean liveAt(Instant now) {
            return Instant.parse(expiresAt).isAfter(now);
        }
    }

    /** A held lease: its holder and the generation of the lease object we wrote. */
    public record Handle(Holder holder, long generation) {
    }

    /** Thrown when a holder's lease expired and another run took it: the holder must not commit anything. */
    public static final class LostException extends IllegalStateException {
        public LostException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The lake path of this lease. */
    public String path() {
        return path;
    }

    /** Takes the lease for {@code runId}, or returns empty when another live holder has it. */
    public Optional<Handle> acquire(String owner, String runId) {
        Instant now = clock.instant();
        Holder mine = new Holder(owner, runId, now.toString(), now.plus(ttl).toString());
        Optional<ObjectInfo> existing = lake.stat(path);
        try {
            if (existing.isEmpty()) {
                return Optional.of(new Handle(mine, lake.put(path, bytes(mine), PutCondition.ifAbsent()).generation()));
            }
            Optional<Holder> current = lake.get(path).map(this::parse);
            if (current.isPresent() && current.get().liveAt(now)) {
                return Optional.empty();
            }
            return Optional.of(new Handle(mine, lake.put(path, bytes(mine),
                    PutCondition.ifGenerationMatches(existing.get().generation())).generation()));
        } catch (PreconditionFailedException e) {
            return Optional.empty();
        }
    }

    /** Extends the lease; throws {@link LostException} when it was lost (expired and taken by another run). */
    public Handle renew(Handle handle) {
        Instant now = clock.instant();
        Holder renewed = new Holder(handle.holder().owner(), handle.holder().runId(), handle.holder().acquiredAt(),
                now.plus(ttl).toString());
        try {
            return new Handle(renewed, lake.put(path, bytes(renewed),
                    PutCondition.ifGenerationMatches(handle.generation())).generation());
        } catch (PreconditionFailedException e) {
            throw lost(handle, e);
        }
    }

    /**
     * Checks, without writing, that {@code handle} is still the live lease: same generation and not expired. Call it
     * right before a commit point; a run that lost its lease gets {@link LostException} and commits nothing.
     */
    public void fence(Handle handle) {
        Optional<ObjectInfo> info = lake.stat(path);
        if (info.isEmpty() || info.get().generation() != handle.generation()) {
            throw lost(handle, null);
        }
        if (!handle.holder().liveAt(clock.instant())) {
            throw lost(handle, null);
        }
    }

    /**
     * Gives the lease up (only if we still hold it) by writing it expired at the epoch, not at "our now": processes
     * whose clocks lag ours (another node, another pod) must see a released lease as free at once, not only once
     * their clock passes the releaser's.
     */
    public void release(Handle handle) {
        Holder expired = new Holder(handle.holder().owner(), handle.holder().runId(), handle.holder().acquiredAt(),
                Instant.EPOCH.toString());
        try {
            lake.put(path, bytes(expired), PutCondition.ifGenerationMatches(handle.generation()));
        } catch (PreconditionFailedException e) {
            // Someone else holds it now: nothing of ours to release.
        }
    }

    /** The current holder, if any (expired or not). */
    public Optional<Holder> holder() {
        return lake.get(path).map(this::parse);
    }

    private LostException lost(Handle handle, Throwable cause) {
        return new LostException("run " + handle.holder().runId() + " lost its lease " + path
                + " (it expired and another run took it): nothing of this run is committed; raise the lease TTL if "
                + "runs are slow", cause);
    }

    private byte[] bytes(Holder holder) {
        try {
            return json.writeValueAsBytes(holder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Holder parse(byte[] bytes) {
        try {
            return json.readValue(bytes, Holder.class);
        } catch (IOException e) {
            // A corrupt lease is treated as expired: the next writer replaces it conditionally.
            return new Holder("unknown", "unknown", Instant.EPOCH.toString(), Instant.EPOCH.toString());
        }
    }
}
