package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.data.ActivityPlan;
import dev.paceline.simulator.data.AthleteGenerator;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Serves the deterministic generated athlete; streams are simulated per request. */
public final class GeneratedCatalog implements ActivityCatalog {

    private final AthleteGenerator generator;
    private final List<Entry> entries;

    public GeneratedCatalog(AthleteGenerator generator) {
        this.generator = generator;
        this.entries = generator.plans().stream()
                .map(p -> new Entry(p.id(), p.start().getEpochSecond(), p.isPrivate())).toList();
    }

    public AthleteGenerator generator() {
        return generator;
    }

    @Override
    public String describe() {
        return "generated athlete (seed " + generator.seed() + ", " + entries.size() + " activities up to "
                + generator.endDate() + ")";
    }

    @Override
    public long athleteId() {
        return AthleteGenerator.ATHLETE_ID;
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public Optional<ObjectNode> summary(long id) {
        return generator.plan(id).map(generator::summary);
    }

    @Override
    public Optional<ObjectNode> detail(long id) {
        return generator.detail(id);
    }

    @Override
    public Optional<ObjectNode> streams(long id, String seriesType) {
        return generator.plan(id).flatMap(p -> generator.streamsFor(p, seriesType));
    }

    /** Streams of a plan that is not part of the generated history (created at runtime). */
    public Optional<ObjectNode> streams(ActivityPlan plan, String seriesType) {
        return generator.streamsFor(plan, seriesType);
    }

    @Override
    public ObjectNode athlete(LocalDate today) {
        return generator.athlete(today);
    }

    @Override
    public ObjectNode zones(LocalDate today) {
        return generator.zones(today);
    }
}
