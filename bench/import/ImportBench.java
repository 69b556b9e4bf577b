import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.importer.ImportProgress;
import dev.paceline.ingest.importer.ImportReport;
import dev.paceline.ingest.importer.ImportService;
import dev.paceline.ingest.service.RawWriter;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.simulator.data.AthleteGenerator;
import dev.paceline.simulator.data.ExportArchiveWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Import bench: a generated export archive of N activities (strava-simulator's ExportArchiveWriter), imported into a
 * FileLake by ingest-service's ImportService (parse, Strava-shaped payloads, envelopes, manifest), then imported again
 * (nothing rewritten). Prints activities/s and the peak heap used. See README.md.
 */
public class ImportBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        Path zip = work.resolve("export-" + n + ".zip");
        if (!Files.exists(zip)) {
            long t0 = System.nanoTime();
            ExportArchiveWriter.Written w = new ExportArchiveWriter(new AthleteGenerator(42, n, 4)).write(zip);
            System.out.printf("generated %s in %.1f s: %s, %d MB%n", zip, (System.nanoTime() - t0) / 1e9, w,
                    Files.size(zip) / (1024 * 1024));
        } else {
            System.out.printf("reusing %s (%d MB)%n", zip, Files.size(zip) / (1024 * 1024));
        }
        Path lakeDir = work.resolve("lake");
        if (Files.exists(lakeDir)) {
            try (Stream<Path> s = Files.walk(lakeDir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (p.getType() == MemoryType.HEAP) {
                        used += p.getUsage().getUsed();
                    }
                }
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        System.gc();
        sampler.start();
        FileLake lake = new FileLake(lakeDir);
        ObjectMapper json = new ObjectMapper();
        Clock clock = Clock.systemUTC();
        ImportService service = new ImportService(lake, json, clock, new RawWriter(lake, json, clock),
                new ImportProgress(clock, lake, json));
        for (String pass : new String[] {"first import", "re-import"}) {
            long t0 = System.nanoTime();
            ImportReport r = service.importPath(zip, Optional.of(AthleteGenerator.ATHLETE_ID), ImportService.Limits.defaults());
            double secs = (System.nanoTime() - t0) / 1e9;
            int activities = r.imported() + r.unchanged() + r.merged();
            System.out.printf("%s: %.1f s, %d activities (%d imported, %d unchanged), %d files, %.1f activities/s, "
                    + "%d failed, exit %d%n", pass, secs, activities, r.imported(), r.unchanged(), r.files(),
                    activities / secs, r.failed().size(), r.exitCode());
        }
        sampler.interrupt();
        System.out.printf("peak heap used: %d MiB (max %d MiB)%n", peak.get() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
