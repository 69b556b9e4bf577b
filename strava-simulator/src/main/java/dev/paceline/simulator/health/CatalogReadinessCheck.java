package dev.paceline.simulator.health;

import dev.paceline.simulator.service.ActivityService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the catalog is loaded and its newest activity can be rendered. */
@Readiness
public class CatalogReadinessCheck implements HealthCheck {

    private final ActivityService activities;

    public CatalogReadinessCheck(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public HealthCheckResponse call() {
        var entries = activities.catalog().entries();
        var builder = HealthCheckResponse.named("activity-catalog")
                .withData("source", activities.catalog().describe())
                .withData("activities", entries.size());
        try {
            if (!entries.isEmpty()) {
                activities.summary(entries.get(entries.size() - 1).id()).orElseThrow();
            }
            return builder.up().build();
        } catch (RuntimeException e) {
            return builder.withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }
}
