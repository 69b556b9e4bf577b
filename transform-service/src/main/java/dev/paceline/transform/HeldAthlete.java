package dev.paceline.transform;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An athlete held at their last good build: rows of theirs fail error-severity data tests, so the run published
 * everyone else and kept serving this athlete's partitions of the live build.
 *
 * @param athleteId the athlete
 * @param tests the failing tests whose failing rows are theirs
 */
@RegisterForReflection
public record HeldAthlete(long athleteId, List<String> tests) {
}
