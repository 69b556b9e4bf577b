package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.simulator.config.SimulatorConfig;
import dev.paceline.simulator.data.AthleteGenerator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/** Chooses the catalog: the recordings folder when {@code simulator.recordings} is set, else the generated athlete. */
public class CatalogProducer {

    private static final Logger LOG = Logger.getLogger(CatalogProducer.class);

    @Produces
    @Singleton
    ActivityCatalog catalog(SimulatorConfig config, ObjectMapper mapper) {
        ActivityCatalog catalog = config.recordings().filter(s -> !s.isBlank())
                .<ActivityCatalog>map(dir -> new RecordingsCatalog(Path.of(dir).toAbsolutePath(), mapper))
                .orElseGet(() -> {
                    SimulatorConfig.Generator g = config.generator();
                    return new GeneratedCatalog(new AthleteGenerator(g.seed(), g.activities(), g.years(),
                            g.endDate()));
                });
        LOG.infof("serving %s", catalog.describe());
        return catalog;
    }
}
