package dev.paceline.transform.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.lake.PreconditionFailedException;
import dev.paceline.platform.lake.PutCondition;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lease in the lake ({@code state/transform/lease.json}) so that two transform runs never overlap, across pods and
 * processes. Taken with a conditional write (ifAbsent, or ifGenerationMatches over an expired lease); a crashed
 * holder's lease expires after its TTL. Renewed and released with ifGenerationMatches, so a holder that lost its
 * lease cannot overwrite the new holder's.
 */
public final class Lease {

    public static final String PATH = LakeLayout.state("transform", "lease.json");

    private final Lake lake;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;

    public Lease(Lake lake, ObjectMapper json, Clock clock, Duration ttl) {
        this.lake = lake;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The lease document. */
    @RegisterForReflection
    public record Holder(@JsonProperty("owner") String owner, @JsonProperty("run_id") String runId,
            @JsonProperty("acquired_at") String acquiredAt, @JsonProperty("expires_at") String expiresAt) {
    }

    /** A held lease: its holder and the generation of the lease object we wrote. */
    public record Handle(Holder holder, long generation) {
    }

    /** Takes the lease for {@code runId}, or returns empty when another live holder has it. */
    public Optional<Handle> acquire(String owner, String runId) {
        Instant now = clock.instant();
        Holder mine = new Holder(owner, runId, now.toString(), now.plus(ttl).toString());
        Optional<ObjectInfo> existing = lake.stat(PATH);
        try {
            if (existing.isEmpty()) {
                return Optional.of(new Handle(mine, lake.put(PATH, bytes(mine), PutCondition.ifAbsent()).generation()));
            }
            Optional<Holder> current = lake.get(PATH).map(this::parse);
            if (current.isPresent() && Instant.parse(current.get().expiresAt()).isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(new Handle(mine, lake.put(PATH, bytes(mine),
                    PutCondition.ifGenerationMatches(existing.get().generation())).generation()));
        } catch (PreconditionFailedException e) {
            return Optional.empty();
        }
    }

    /** Extends the lease; throws when it was lost (expired and taken by another run). */
    public Handle renew(Handle handle) {
        Instant now = clock.instant();
        Holder renewed = new Holder(handle.holder().owner(), handle.holder().runId(), handle.holder().acquiredAt(),
                now.plus(ttl).toString());
        try {
            return new Handle(renewed, lake.put(PATH, bytes(renewed), PutCondition.ifGenerationMatches(handle.generation())).generation());
        } catch (PreconditionFailedException e) {
            throw new IllegalStateException("run " + handle.holder().runId() + " lost its lease " + PATH
                    + " (it expired and another run took it); raise paceline.transform.lease-ttl", e);
        }
    }

    /** Gives the lease up by writing it expired (only if we still hold it). */
    public void release(Handle handle) {
        Holder expired = new Holder(handle.holder().owner(), handle.holder().runId(), handle.holder().acquiredAt(),
                clock.instant().minusMillis(1).toString());
        try {
            lake.put(PATH, bytes(expired), PutCondition.ifGenerationMatches(handle.generation()));
        } catch (PreconditionFailedException e) {
            // Someone else holds it now: nothing of ours to release.
        }
    }

    /** The current holder, if any (expired or not). */
    public Optional<Holder> holder() {
        return lake.get(PATH).map(this::parse);
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
