package dev.paceline.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an import reads: an export {@code .zip}, its unpacked folder, a folder of activity files, or one file — as a
 * list of entries with '/'-separated relative paths. Entries that must not be read are listed as {@link Refusal}s
 * with the reason: zip paths with {@code ..} or absolute paths (zip slip), symbolic links, more entries than the
 * limit. Every entry opened is bounded by the per-file inflated-size limit, and the whole import by a total limit,
 * so neither a zip bomb nor a gzip bomb is inflated past them. A 2 GB archive is read entry by entry (the central
 * directory gives random access), never unpacked or held in memory.
 */
public final class ImportSource implements Closeable {

    /** Bound on the entries of one source: a 20-year history has a few thousand files. */
    public static final int MAX_ENTRIES = 200_000;
    /** Default bound on all inflated bytes of one import. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 64L * 1024 * 1024 * 1024;

    /** An entry to read. */
    public record Entry(String path, long size) {
        /** The name without folders. */
        public String fileName() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }
    }

    /** An entry refused before reading, with the reason. */
    public record Refusal(String path, String reason) {
    }

    private final String description;
    private final ZipFile zip;
    private final Path folder;
    private final List<Entry> entries;
    private final List<Refusal> refusals;
    private final Map<String, ZipEntry> zipEntries;
    private final long maxFileBytes;
    private final long maxTotalBytes;
    private long totalRead;

    private ImportSource(String description, ZipFile zip, Path folder, List<Entry> entries, List<Refusal> refusals,
            Map<String, ZipEntry> zipEntries, long maxFileBytes, long maxTotalBytes) {
        this.description = description;
        this.zip = zip;
        this.folder = folder;
        this.entries = entries;
        this.refusals = refusals;
        this.zipEntries = zipEntries;
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Opens a zip, a folder or a single file with the default limits. */
    public static ImportSource open(Path path) throws IOException {
        return open(path, ActivityFiles.DEFAULT_MAX_BYTES, DEFAULT_MAX_TOTAL_BYTES);
    }

    public static ImportSource open(Path path, long maxFileBytes, long maxTotalBytes) throws IOException {
        if (!Files.exists(path)) {
            throw new java.io.FileNotFoundException(path + " does not exist: pass an export .zip, its unpacked "
                    + "folder, a folder of FIT/TCX/GPX files or one such file.");
        }
        if (Files.isDirectory(path)) {
            return folder(path, maxFileBytes, maxTotalBytes);
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return zip(path, maxFileBytes, maxTotalBytes);
        }
        Entry e = new Entry(path.getFileName().toString(), Files.size(path));
        return new ImportSource(path.toString(), null, path.getParent() == null ? Path.of(".") : path.getParent(),
                List.of(e), List.of(), Map.of(), maxFileBytes, maxTotalBytes);
    }

    private static ImportSource folder(Path root, long maxFileBytes, long maxTotalBytes) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 8, new FileVisitOption[0])) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    refusals.add(new Refusal(rel, "a symbolic link: links are not followed (they may point outside "
                            + "the import folder); copy the file itself into the folder"));
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    refusals.add(new Refusal(rel, "more than " + MAX_ENTRIES + " files in one import: split it"));
                    continue;
                }
                entries.add(new Entry(rel, Files.size(p)));
            }
        }
        return new ImportSource(root.toString(), null, root, entries, refusals, Map.of(), maxFileBytes, maxTotalBytes);
    }

    private static ImportSource zip(Path file, long maxFileBytes, long maxTotalBytes) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new java.util.zip.ZipException(file + " is not a readable zip archive (" + e.getMessage() + "): "
                    + "download the export again, or unpack it with another tool and import the folder.");
        }
        List<Entry> entries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Map<String, ZipEntry> byPath = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry z = all.nextElement();
            if (z.isDirectory()) {
                continue;
            }
            String name = z.getName();
            String unsafe = unsafeName(name);
            if (unsafe != null) {
                refusals.add(new Refusal(name, unsafe));
                continue;
            }
            if (entries.size() >= MAX_ENTRIES) {
                refusals.add(new Refusal(name, "more than " + MAX_ENTRIES + " entries in one archive: split it"));
                continue;
            }
            if (byPath.putIfAbsent(name, z) != null) {
                refusals.add(new Refusal(name, "a second entry with the same path: only the first is read"));
                continue;
            }
            entries.add(new Entry(name, z.getSize()));
        }
        entries.sort(java.util.Comparator.comparing(Entry::path));
        return new ImportSource(file.toString(), zip, null, entries, refusals, byPath, maxFileBytes, maxTotalBytes);
    }

    /** Why an entry name (zip entry, staged object) must not be used, or null: {@code ..}, absolute paths, drive letters, NUL. */
    public static String unsafeName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return "an absolute path inside the archive (a zip-slip attempt or a broken archive): not read";
        }
        for (String seg : n.split("/")) {
            if (seg.equals("..")) {
                return "a path with '..' inside the archive (a zip-slip attempt): not read";
            }
        }
        if (n.indexOf('\0') >= 0) {
            return "a path with a NUL character: not read";
        }
        return null;
    }

    public String description() {
        return description;
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    /** The entry at {@code path} (e.g. {@code activities/3001.fit.gz}), or null. */
    public Entry find(String path) {
        for (Entry e : entries) {
            if (e.path().equals(path)) {
                return e;
            }
        }
        return null;
    }

    /**
     * Opens an entry bounded by the per-file limit and the remaining total; the caller closes it. Nothing is
     * extracted to disk: archive entries are streamed from the central directory's offsets.
     */
    public InputStream open(Entry e) throws IOException {
        InputStream raw;
        if (zip != null) {
            ZipEntry z = zipEntries.get(e.path());
            if (z == null) {
                throw new java.io.FileNotFoundException(e.path() + " is not in " + description);
            }
            raw = zip.getInputStream(z);
        } else {
            raw = Files.newInputStream(folder.resolve(e.path()), LinkOption.NOFOLLOW_LINKS);
        }
        long remaining = maxTotalBytes - totalRead;
        if (remaining <= 0) {
            raw.close();
            throw new BoundedInputStream.LimitExceeded(description + " has inflated past " + maxTotalBytes
                    / (1024 * 1024) + " MiB in total, the limit of one import: import it in parts.");
        }
        return new BoundedInputStream(raw, Math.min(maxFileBytes, remaining), e.path()) {
            @Override
            public void close() throws IOException {
                totalRead += count();
                super.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
