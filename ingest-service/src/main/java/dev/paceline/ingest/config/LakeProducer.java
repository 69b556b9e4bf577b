package dev.paceline.ingest.config;

import dev.paceline.platform.config.LakeUri;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The lake ingest writes to ({@code paceline.lake.uri}: a folder, file:///abs/path or gs://bucket/prefix). */
@ApplicationScoped
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
