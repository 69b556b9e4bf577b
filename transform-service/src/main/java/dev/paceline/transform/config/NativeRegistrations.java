package dev.paceline.transform.config;

import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.lake.LakeLease;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Platform records this service reads and writes as JSON with Jackson, registered for the native image. */
@RegisterForReflection(targets = {
        IngestManifest.class,
        IngestManifest.Entry.class,
        ServingManifest.class,
        ServingManifest.MartColumn.class,
        ServingManifest.AthletePartitions.class,
        ServingManifest.Partition.class,
        LakeLease.Holder.class})
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
