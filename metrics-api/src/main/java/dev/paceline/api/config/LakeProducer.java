package dev.paceline.api.config;

import dev.paceline.platform.config.LakeUri;
import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.lake.Lake;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.paceline.platform.lake.Lakes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The lake this service reads the serving snapshot from ({@code paceline.lake.uri}: a folder or gs://bucket/prefix).
 * metrics-api never opens a warehouse, so it does not use the platform's StorageProducer. Also registers the
 * serving manifest records (read with Jackson) for native images.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ServingManifest.class, ServingManifest.MartColumn.class,
    ServingManifest.AthletePartitions.class, ServingManifest.Partition.class})
public class LakeProducer {

    @Produces
    @ApplicationScoped
    Lake lake(@ConfigProperty(name = LakeUri.KEY, defaultValue = "./.paceline/lake") String uri) {
        return Lakes.open(LakeUri.parse(uri));
    }

    void close(@Disposes Lake lake) {
        lake.close();
    }
}
