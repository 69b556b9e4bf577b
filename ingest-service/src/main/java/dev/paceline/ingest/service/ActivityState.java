package dev.paceline.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What ingest knows of one activity (part of the athlete's durable cursor).
 *
 * @param start start_date, epoch seconds (newest first ordering, watermark)
 * @param fingerprint hash of the fields an edit changes (social counters excluded)
 * @param shape hash of start, elapsed time and distance: a change means the streams changed too
 * @param manual a manual activity: Strava keeps no streams for it, so none are requested
 * @param pending the payload still has to be fetched and written
 * @param streams "ok", "none" (404 recorded, not retried), or null when still to fetch
 * @param attempts failed fetch attempts so far
 * @param error last failure, or null
 * @param deleted tombstoned
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ActivityState(
        @JsonProperty("start") long start,
        @JsonProperty("fp") String fingerprint,
        @JsonProperty("shape") String shape,
        @JsonProperty("manual") boolean manual,
        @JsonProperty("pending") boolean pending,
        @JsonProperty("streams") String streams,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("error") String error,
        @JsonProperty("deleted") boolean deleted) {

    public boolean needsStreams() {
        return streams == null && !deleted;
    }

    public boolean needsWork() {
        return !deleted && (pending || needsStreams());
    }

    public ActivityState withPending(boolean p) {
        return new ActivityState(start, fingerprint, shape, manual, p, streams, attempts, error, deleted);
    }

    public ActivityState withStreams(String s) {
        return new ActivityState(start, fingerprint, shape, manual, pending, s, attempts, error, deleted);
    }

    public ActivityState failed(String message) {
        return new ActivityState(start, fingerprint, shape, manual, pending, streams, attempts + 1, message, deleted);
    }

    public ActivityState succeeded() {
        return new ActivityState(start, fingerprint, shape, manual, false, streams, 0, null, deleted);
    }

    public ActivityState tombstoned() {
        return new ActivityState(start, fingerprint, shape, manual, false, streams, 0, null, true);
    }
}
