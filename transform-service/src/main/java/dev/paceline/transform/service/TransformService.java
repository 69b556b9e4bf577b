package dev.paceline.transform.service;

import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.ModelException;
import dev.paceline.transform.RunCheckpoint;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.config.TransformConfig;
import dev.paceline.transform.engine.ModelCatalog;
import dev.paceline.transform.engine.ModelGraph;
import dev.paceline.transform.macro.SqlDialect;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * The application's entry to transform runs: loads the model catalog once, runs one transform at a time in this
 * process (the lease also keeps other processes out) and records every run in {@link RunRegistry}.
 */
@ApplicationScoped
public class TransformService {

    private static final Logger LOG = Logger.getLogger(TransformService.class);

    private final Lake lake;
    private final Warehouse warehouse;
    private final TransformConfig config;
    private final JavaModelRegistry javaModels;
    private final RunRegistry runs;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "transform-run");
        t.setDaemon(true);
        return t;
    });
    private volatile TransformRunner runner;

    public TransformService(Lake lake, Warehouse warehouse, TransformConfig config, JavaModelRegistry javaModels, RunRegistry runs) {
        this.lake = lake;
        this.warehouse = warehouse;
        this.config = config;
        this.javaModels = javaModels;
        this.runs = runs;
    }

    /** The runner, created on first use (the catalog is parsed and validated then). */
    public TransformRunner runner() {
        TransformRunner r = runner;
        if (r == null) {
            synchronized (this) {
                if (runner == null) {
                    ModelGraph graph = ModelCatalog.load("models", TransformService.class.getClassLoader(),
                            config.seedsDir().map(Path::of), javaModels.models(), config.enableModels().orElse(Set.of()));
                    runner = new TransformRunner(lake, warehouse, graph, SqlDialect.of(warehouse.dialect()), javaModels.models(),
                            Json.MAPPER, Clock.systemUTC(), new TransformRunner.Settings(config.keepBuilds(), config.leaseTtl(),
                                    config.loadBatchObjects(), config.servingSchemaVersion(), owner(), config.freshnessMaxAge(),
                                    config.maxRawObjectBytes()), RunCheckpoint.fromSystemProperty());
                }
                r = runner;
            }
        }
        return r;
    }

    /** Validates a selection now, so that POST /runs answers 400 instead of starting a doomed run. */
    public void validateSelection(String selection) {
        runner().graph().select(selection);
    }

    /** Starts a run in the background and returns its id at once. */
    public String submit(TransformRunner.Request request) {
        TransformRunner r = runner();
        if (request.selection() != null) {
            r.graph().select(request.selection());
        }
        String id = r.newId();
        runs.started(id, request);
        executor.submit(() -> execute(r, id, request));
        return id;
    }

    /** Runs now on the caller's thread (job mode, poller). */
    public RunReport runNow(TransformRunner.Request request) {
        TransformRunner r = runner();
        String id = r.newId();
        runs.started(id, request);
        return execute(r, id, request);
    }

    /** Waits for the background run queue to drain (tests). */
    public void awaitIdle() throws Exception {
        Future<?> marker = executor.submit(() -> { });
        marker.get();
    }

    public Optional<RunReport> run(String id) {
        return runs.get(id);
    }

    public List<RunReport> runs() {
        return runs.all();
    }

    private RunReport execute(TransformRunner r, String id, TransformRunner.Request request) {
        RunReport report;
        try {
            report = r.run(id, request, runs::update);
        } catch (ModelException e) {
            report = runs.failed(id, e.getMessage());
        }
        runs.update(report);
        LOG.infof("transform run %s %s: %d models, %d tests%s", id, report.status(), report.models().size(),
                report.tests().size(), report.error() == null ? "" : " (" + report.error() + ")");
        return report;
    }

    private static String owner() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "pid-" + ProcessHandle.current().pid();
        }
    }
}
