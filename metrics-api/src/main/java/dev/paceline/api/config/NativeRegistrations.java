package dev.paceline.api.config;

import dev.paceline.platform.contract.ServingManifest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The serving manifest records this service reads with Jackson, registered for native images. */
@RegisterForReflection(targets = {ServingManifest.class, ServingManifest.MartColumn.class,
    ServingManifest.AthletePartitions.class, ServingManifest.Partition.class})
final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
