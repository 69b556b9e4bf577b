package dev.paceline.platform.config;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CDI producer shared by the services: the {@link Lake} chosen by {@value LakeUri#KEY}. The URI is parsed at
 * start-up, so a malformed one stops the service with a message naming the key and the accepted forms; the adapter
 * itself opens on first use. The warehouse has its own producer in {@code platform-warehouse}, which only the
 * transform-service carries.
 *
 * <p>A plain {@code @ConfigProperty} key rather than a {@code @ConfigMapping} on the {@code paceline} prefix: a mapping
 * of the whole prefix would claim every service's own {@code paceline.*} keys as unknown.
 */
@ApplicationScoped
public class StorageProducer {

    static final String DEFAULT_LAKE = "./.paceline/lake";

    private final String lakeUri;

    public StorageProducer(@ConfigProperty(name = LakeUri.KEY, defaultValue = DEFAULT_LAKE) String lakeUri) {
        this.lakeUri = lakeUri;
    }

    /** CDI's {@link Startup} event fires at run time (with runtime config), not during a native image's static init. */
    void validateAtStartup(@Observes Startup ignored) {
        LakeUri.parse(lakeUri);
    }

    @Produces
    @ApplicationScoped
    Lake lake() {
        return Lakes.open(LakeUri.parse(lakeUri));
    }

    void closeLake(@Disposes Lake lake) {
        lake.close();
    }
}
