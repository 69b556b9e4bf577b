package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where the served activities come from: the generated athlete or a folder of recordings. */
public interface ActivityCatalog {

    /**
     * One activity as the list endpoint needs it.
     *
     * @param id          activity id
     * @param startEpoch  {@code start_date} in epoch seconds
     * @param isPrivate   visible only with {@code activity:read_all}
     */
    record Entry(long id, long startEpoch, boolean isPrivate) {
    }

    /** Human description for logs and the health check. */
    String describe();

    long athleteId();

    /** All activities, oldest first. */
    List<Entry> entries();

    /** SummaryActivity JSON, or empty when unknown. */
    Optional<ObjectNode> summary(long id);

    /** DetailedActivity JSON (summary fields when no detailed payload exists), or empty when unknown. */
    Optional<ObjectNode> detail(long id);

    /**
     * All streams in the {@code key_by_type=true} form, or empty when the activity has none (manual).
     *
     * @param seriesType the {@code series_type} to report where the source does not say
     */
    Optional<ObjectNode> streams(long id, String seriesType);

    ObjectNode athlete(LocalDate today);

    ObjectNode zones(LocalDate today);
}
