package dev.paceline.ingest.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What one ingest run did.
 *
 * @param runId run id
 * @param trigger job | schedule | webhook | manual
 * @param manifest manifest path, or null when the run changed nothing
 * @param objectsChanged objects written, changed or deleted
 * @param requests Strava API requests sent
 * @param budgetExhausted the run stopped early to wait for the rate budget (checkpoint saved)
 * @param nextWindow when budgetExhausted: when the next request is allowed
 * @param failures per-activity or per-athlete failures (the rest of the run went on)
 * @param fatal a failure that stopped the whole run, or null
 */
@RegisterForReflection
public record RunOutcome(
        @JsonProperty("run_id") String runId,
        @JsonProperty("trigger") String trigger,
        @JsonProperty("manifest") String manifest,
        @JsonProperty("objects_changed") int objectsChanged,
        @JsonProperty("requests") long requests,
        @JsonProperty("budget_exhausted") boolean budgetExhausted,
        @JsonProperty("next_window") String nextWindow,
        @JsonProperty("failures") List<String> failures,
        @JsonProperty("fatal") String fatal) {
}
