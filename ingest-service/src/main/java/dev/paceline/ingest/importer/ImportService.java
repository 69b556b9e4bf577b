package dev.paceline.ingest.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.files.ActivitiesCsv;
import dev.paceline.files.ActivityFileException;
import dev.paceline.files.ActivityFiles;
import dev.paceline.files.CsvActivity;
import dev.paceline.files.ImportSource;
import dev.paceline.files.Recording;
import dev.paceline.files.StravaPayloads;
import dev.paceline.ingest.service.IngestRun;
import dev.paceline.ingest.service.RawWriter;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.LakeLease;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Imports a Strava export archive, its folder, a folder of activity files or one file into the lake, as the same
 * raw model the API path produces (docs/import.md). Holds the ingest lease for the whole run, so an import and a sync
 * never write at once; writes every object atomically and the manifest last, so a failed run leaves the lake
 * consistent and a rerun finishes it; an unchanged activity is not rewritten.
 */
@ApplicationScoped
public class ImportService {

    /** Envelope {@code source} of imported objects: {@code import <file>}; anything else came from the API. */
    static final String SOURCE_PREFIX = "import ";
    static final String LEASE_OWNER = "ingest-import";
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final long CONTENT_ID_BASE = 1L << 62;
    private static final long MIB = 1024L * 1024;

    private final Lake lake;
    private final ObjectMapper json;
    private final Clock clock;
    private final ImportWriter writer;
    private final ImportProgress progress;

    public ImportService(Lake lake, ObjectMapper json, Clock clock, RawWriter raw, ImportProgress progress) {
        this.lake = lake;
        this.json = json;
        this.clock = clock;
        this.writer = new ImportWriter(lake, raw);
        this.progress = progress;
    }

    /** Thrown when the import cannot start at all (lease held, unreadable source, several athletes). */
    public static final class ImportRefusedException extends RuntimeException {
        public ImportRefusedException(String message) {
            super(message);
        }
    }

    /** Limits of one import. */
    public record Limits(long maxFileBytes, long maxTotalBytes, Duration leaseTtl) {
        public static Limits of(ImportConfig c) {
            return new Limits(c.maxFileMib() * MIB, c.maxTotalMib() * MIB, c.leaseTtl());
        }

        public static Limits defaults() {
            return new Limits(ActivityFiles.DEFAULT_MAX_BYTES, ImportSource.DEFAULT_MAX_TOTAL_BYTES, Duration.ofMinutes(10));
        }
    }

    /** Imports {@code path} for {@code athlete} (or the lake's only athlete) and returns the report. */
    public ImportReport importPath(Path path, Optional<Long> athlete, Limits limits) {
        Instant started = clock.instant();
        IngestRun run = new IngestRun("import", started);
        LakeLease lease = new LakeLease(lake, LakeLayout.state("ingest", "lease.json"), json, clock, limits.leaseTtl());
        LakeLease.Handle handle = lease.acquire(LEASE_OWNER, run.id()).orElseThrow(() -> new ImportRefusedException(
                "another ingest run holds the lake's ingest lease (" + lease.holder().map(h -> h.owner() + " run "
                        + h.runId() + " until " + h.expiresAt()).orElse("unknown holder") + "): an import and a sync "
                        + "must not write at once — wait for it to finish and run the import again."));
        try (ImportSource source = openSource(path, limits)) {
            long athleteId = athlete.orElseGet(this::onlyAthlete);
            Run r = new Run(run, athleteId, source, limits, lease, handle);
            r.execute();
            if (!run.entries().isEmpty()) {
                lease.fence(r.handle); // the manifest is the commit point: only while the lease is still ours
            }
            writer.manifest(run).ifPresent(m -> LOG.infof("import run %s wrote %s", run.id(), m));
            double secs = Duration.between(started, clock.instant()).toMillis() / 1000.0;
            return new ImportReport(run.entries().isEmpty() ? null : run.id(), athleteId, r.imported, r.unchanged,
                    r.merged, r.skipped, r.failed, r.files, secs);
        } catch (IOException e) {
            throw new ImportRefusedException("could not read " + path + ": " + e.getMessage());
        } finally {
            progress.finish();
            lease.release(handle);
        }
    }

    private ImportSource openSource(Path path, Limits limits) throws IOException {
        return ImportSource.open(path, limits.maxFileBytes(), limits.maxTotalBytes());
    }

    /** The lake's only athlete, 1 in an empty lake; several athletes need --athlete. */
    long onlyAthlete() {
        Set<Long> ids = new TreeSet<>();
        for (ObjectInfo o : lake.listAll(LakeLayout.RAW_STRAVA)) {
            try {
                ids.add(LakeLayout.athleteIdOf(o.path()));
            } catch (IllegalArgumentException e) {
                // not an athlete object
            }
            if (ids.size() > 1) {
                break;
            }
        }
        if (ids.size() > 1) {
            throw new ImportRefusedException("the lake holds several athletes: say whose files these are with "
                    + "--athlete ID (PACELINE_IMPORT_ATHLETE).");
        }
        return ids.isEmpty() ? 1L : ids.iterator().next();
    }

    /** A stable id for a file without a CSV row: from its content, above any Strava id (< 2^62), never colliding with one. */
    static long contentId(String sha256, int part) {
        long h = Long.parseUnsignedLong(sha256.substring(0, 15), 16);
        return CONTENT_ID_BASE + ((h * 31 + part) & (CONTENT_ID_BASE - 1));
    }

    /** One import's state. */
    private final class Run {
        final IngestRun run;
        final long athleteId;
        final ImportSource source;
        final Limits limits;
        final LakeLease lease;
        LakeLease.Handle handle;
        Instant renewedAt;
        LakeActivities known;
        int imported;
        int unchanged;
        int merged;
        int files;
        final List<ImportReport.Line> skipped = new ArrayList<>();
        final List<ImportReport.Line> failed = new ArrayList<>();

        Run(IngestRun run, long athleteId, ImportSource source, Limits limits, LakeLease lease, LakeLease.Handle handle) {
            this.run = run;
            this.athleteId = athleteId;
            this.source = source;
            this.limits = limits;
            this.lease = lease;
            this.handle = handle;
            this.renewedAt = clock.instant();
        }

        void execute() throws IOException {
            known = LakeActivities.read(lake, json, athleteId);
            source.refusals().forEach(r -> failed.add(new ImportReport.Line(r.path(), r.reason())));
            ImportSource.Entry csvEntry = csvEntry();
            List<CsvActivity> rows = List.of();
            String csvFolder = "";
            if (csvEntry != null) {
                csvFolder = csvEntry.path().substring(0, csvEntry.path().length() - csvEntry.fileName().length());
                try (InputStream in = source.open(csvEntry);
                        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    ActivitiesCsv.Result result = ActivitiesCsv.read(reader);
                    rows = result.activities();
                    result.problems().forEach(p -> failed.add(new ImportReport.Line(csvEntry.path() + " line " + p.line(),
                            p.reason() + ": the row is left out; fix it in the CSV or import the file alone")));
                } catch (IllegalArgumentException e) {
                    failed.add(new ImportReport.Line(csvEntry.path(), e.getMessage()));
                }
            }
            Set<String> claimed = new HashSet<>();
            Map<String, CsvActivity> rowByFile = new HashMap<>();
            for (CsvActivity row : rows) {
                if (row.filename() != null) {
                    rowByFile.put(csvFolder + row.filename(), row);
                }
            }
            List<ImportSource.Entry> loose = new ArrayList<>();
            for (ImportSource.Entry e : source.entries()) {
                if (e == csvEntry || rowByFile.containsKey(e.path())) {
                    continue;
                }
                if (ActivityFiles.isActivityFile(e.fileName())) {
                    loose.add(e);
                } else if (csvEntry == null || e.path().startsWith(csvFolder + "activities/")) {
                    skipped.add(new ImportReport.Line(e.path(), "not an activity file (FIT, TCX or GPX, optionally .gz)"));
                }
                // the rest of an export (media/, bikes.csv, profile.csv…) is not activity data: left out silently
            }
            progress.start(run.id(), rows.size() + loose.size());
            Instant lastLog = clock.instant();
            for (CsvActivity row : rows) {
                importRow(row, row.filename() == null ? null : source.find(csvFolder + row.filename()), claimed);
                lastLog = tick(lastLog);
            }
            for (ImportSource.Entry e : loose) {
                importLoose(e);
                lastLog = tick(lastLog);
            }
        }

        private Instant tick(Instant lastLog) {
            progress.advance();
            Instant now = clock.instant();
            if (Duration.between(renewedAt, now).compareTo(limits.leaseTtl().dividedBy(3)) > 0) {
                handle = lease.renew(handle);
                renewedAt = now;
            }
            if (Duration.between(lastLog, now).toSeconds() >= 2) {
                LOG.info(progress.snapshot().line());
                progress.publish();
                return now;
            }
            return lastLog;
        }

        /** activities.csv at the top of the source (the shallowest one). */
        private ImportSource.Entry csvEntry() {
            ImportSource.Entry best = null;
            for (ImportSource.Entry e : source.entries()) {
                if (e.fileName().equalsIgnoreCase("activities.csv")
                        && (best == null || e.path().split("/").length < best.path().split("/").length)) {
                    best = e;
                }
            }
            return best;
        }

        private void importRow(CsvActivity row, ImportSource.Entry entry, Set<String> claimed) {
            String label = "activity " + row.id();
            Optional<LakeActivities.Known> existing = known.get(row.id());
            boolean apiOwned = existing.isPresent() && existing.get().fromApi();
            if (row.filename() == null) {
                if (apiOwned) {
                    count(WriterOutcome.MERGED_UNCHANGED);
                    return;
                }
                write(row.id(), null, row, null, null, label);
                return;
            }
            if (entry == null) {
                failed.add(new ImportReport.Line(row.filename(), "missing from the export: " + label
                        + " imported from its activities.csv values alone (no streams); import the file later to add them"));
                if (!apiOwned) {
                    writeCsvOnly(row, label);
                }
                return;
            }
            files++;
            FileRead read = readFile(entry, false);
            if (read.error != null) {
                failed.add(new ImportReport.Line(entry.path(), read.error + " — " + label + " imported from its "
                        + "activities.csv values alone (no streams); import a good copy of the file later to add them"));
                if (!apiOwned) {
                    writeCsvOnly(row, label);
                }
                return;
            }
            claimed.add(entry.path());
            Recording rec = read.recordings.get(0);
            writer.original(athleteId, read.sha256, extension(entry.fileName()), read.bytes);
            StravaPayloads.Origin origin = new StravaPayloads.Origin(entry.path(), rec.format().name(), 0, read.sha256);
            write(row.id(), rec, row, origin, apiOwned ? existing.get() : null, entry.path());
        }

        private void importLoose(ImportSource.Entry entry) {
            files++;
            FileRead read = readFile(entry, true);
            if (read.error != null) {
                if (read.reason == ActivityFileException.Reason.NOT_AN_ACTIVITY
                        || read.reason == ActivityFileException.Reason.UNKNOWN_FORMAT) {
                    skipped.add(new ImportReport.Line(entry.path(), read.error));
                } else {
                    failed.add(new ImportReport.Line(entry.path(), read.error));
                }
                return;
            }
            writer.original(athleteId, read.sha256, extension(entry.fileName()), read.bytes);
            for (Recording rec : read.recordings) {
                StravaPayloads.Origin origin = new StravaPayloads.Origin(entry.path(), rec.format().name(), rec.part(),
                        read.sha256);
                Optional<LakeActivities.Known> match = known.match(rec.sportType(), rec.track().start(),
                        rec.track().elapsedS());
                String label = rec.part() == 0 ? entry.path() : entry.path() + " session " + rec.part();
                if (match.isPresent()) {
                    write(match.get().id(), rec, null, origin, match.get(), label);
                } else {
                    long id = contentId(read.sha256, rec.part());
                    write(id, rec, null, origin, null, label);
                }
            }
        }

        private void writeCsvOnly(CsvActivity row, String label) {
            write(row.id(), null, row, null, null, label);
        }

        /**
         * Writes one activity. With {@code api} set (Strava's API delivered it), the API's summary stays and the
         * file's streams replace the API's only when they are denser: metadata from Strava, samples from the denser.
         */
        private void write(long id, Recording rec, CsvActivity row, StravaPayloads.Origin origin,
                LakeActivities.Known api, String label) {
            String source = SOURCE_PREFIX + (origin != null ? origin.file() : row != null ? "activities.csv row "
                    + row.line() : label);
            if (api != null) {
                boolean wrote = false;
                if (rec != null && rec.track().size() > streamsSamples(id)) {
                    wrote = writer.streams(run, athleteId, id, source, StravaPayloads.streams(rec.track()))
                            == ImportWriter.Change.WRITTEN;
                }
                count(wrote ? WriterOutcome.MERGED_WRITTEN : WriterOutcome.MERGED_UNCHANGED);
                return;
            }
            ImportWriter.Change a = writer.activity(run, athleteId, id, source,
                    StravaPayloads.activity(id, athleteId, rec, row, origin));
            ImportWriter.Change s = rec == null ? ImportWriter.Change.UNCHANGED
                    : writer.streams(run, athleteId, id, source, StravaPayloads.streams(rec.track()));
            known.remember(new LakeActivities.Known(id, false, null, null, 0));
            count(a == ImportWriter.Change.WRITTEN || s == ImportWriter.Change.WRITTEN ? WriterOutcome.WRITTEN
                    : WriterOutcome.UNCHANGED);
        }

        private void count(WriterOutcome o) {
            switch (o) {
                case WRITTEN -> imported++;
                case UNCHANGED -> unchanged++;
                case MERGED_WRITTEN, MERGED_UNCHANGED -> merged++;
            }
        }

        /** Samples in the lake's streams of an activity (0 without streams). */
        private int streamsSamples(long id) {
            Optional<byte[]> bytes = lake.get(LakeLayout.streams(athleteId, id));
            if (bytes.isEmpty()) {
                return 0;
            }
            try {
                JsonNode time = json.readTree(bytes.get()).path("payload").path("time").path("data");
                return time.isArray() ? time.size() : 0;
            } catch (IOException e) {
                return 0;
            }
        }

        private FileRead readFile(ImportSource.Entry entry, boolean split) {
            FileRead r = new FileRead();
            try (InputStream in = source.open(entry)) {
                r.bytes = in.readAllBytes();
            } catch (IOException e) {
                r.error = e.getMessage();
                r.reason = ActivityFileException.Reason.TOO_LARGE;
                return r;
            }
            r.sha256 = RawWriter.sha256(r.bytes);
            try {
                r.recordings = ActivityFiles.read(entry.fileName(), new ByteArrayInputStream(r.bytes),
                        limits.maxFileBytes(), split);
            } catch (ActivityFileException e) {
                r.error = e.getMessage();
                r.reason = e.reason();
            } catch (RuntimeException e) {
                // a parser bug must cost one file, not the import
                r.error = entry.fileName() + " could not be read (" + e + "): report it with the file attached";
                r.reason = ActivityFileException.Reason.CORRUPT;
            }
            return r;
        }
    }

    private enum WriterOutcome { WRITTEN, UNCHANGED, MERGED_WRITTEN, MERGED_UNCHANGED }

    private static final class FileRead {
        byte[] bytes;
        String sha256;
        List<Recording> recordings;
        String error;
        ActivityFileException.Reason reason;
    }

    /** The original's extension as stored: fit, fit.gz, tcx, tcx.gz, gpx, gpx.gz. */
    static String extension(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        boolean gz = n.endsWith(".gz");
        if (gz) {
            n = n.substring(0, n.length() - 3);
        }
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "bin" : n.substring(dot + 1);
        return gz ? ext + ".gz" : ext;
    }
}
