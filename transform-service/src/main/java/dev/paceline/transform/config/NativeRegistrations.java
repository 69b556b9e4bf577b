package dev.paceline.transform.config;

import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.contract.ServingManifest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Platform records this service reads and writes as JSON with Jackson, registered for the native image. */
@RegisterForReflection(targets = {
        IngestManifest.class,
        IngestManifest.Entry.class,
        ServingManifest.class,
        ServingManifest.MartColumn.class,
        ServingManifest.AthletePartitions.class,
        ServingManifest.Partition.class})
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
