package dev.paceline.api.snapshot;

import java.util.Map;

/** The loaded marts one answer reads, all of one athlete in one build; resolved before the answer is computed. */
public record AthleteMarts(long athleteId, Map<String, LoadedMart> marts) {

    public AthleteMarts {
        marts = Map.copyOf(marts);
    }

    /** The loaded mart; the query asked for it when it was planned. */
    public LoadedMart get(String mart) {
        LoadedMart m = marts.get(mart);
        if (m == null) {
            throw new IllegalStateException("mart " + mart + " was not resolved for this query: add it to the query's marts");
        }
        return m;
    }
}
