package dev.paceline.platform.lake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A lake in a local folder. Objects are plain files under the root (so DuckDB and people can read them directly);
 * their metadata lives in sidecar files under {@code <root>/.paceline-lake/meta/}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Atomic writes</b>: content goes to a temp file in the target's folder, is fsynced, then renamed over the
 *       target ({@code ATOMIC_MOVE}); the folder is fsynced after the rename. Readers see the old or the new bytes.</li>
 *   <li><b>Generations survive restarts</b>: the sidecar records the generation, the SHA-256, and the file's identity
 *       (inode, size, mtime). A generation is {@code max(previous + 1, now in microseconds)}, so it keeps increasing
 *       across a delete and re-create, like GCS's. If a crash leaves the sidecar behind the file (the file was renamed,
 *       the sidecar not yet written), the mismatch of identity is detected on the next access and the sidecar is
 *       healed with a new, higher generation. Files copied into the folder by hand get a sidecar the same way. So a
 *       sidecar is written after its file is durable and needs no fsync of its own: losing it costs only a
 *       generation bump (a compare-and-set holding the old generation then fails, as it must).</li>
 *   <li><b>Concurrent writers</b>: every mutation of a path holds an in-JVM lock and an OS byte-range lock
 *       ({@link FileChannel#lock(long, long, boolean)}) on a stripe of {@code <root>/.paceline-lake/lock}, so two
 *       threads or two processes writing the same path with a precondition serialise: exactly one wins, the other
 *       gets {@link PreconditionFailedException}.</li>
 * </ul>
 * Names starting with {@code .paceline-} are reserved (temp files, the metadata folder) and never listed.
 */
public final class FileLake implements Lake {

    /** Reserved name prefix: temp files and the metadata folder. */
    static final String RESERVED = ".paceline-";
    private static final String INTERNAL_DIR = ".paceline-lake";
    private static final String TEMP_PREFIX = ".paceline-tmp-";
    private static final int STRIPES = 1024;

    /** Lock state shared by every FileLake on the same root in this JVM (OS file locks are per process). */
    private static final ConcurrentHashMap<Path, RootLocks> LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final Path metaRoot;
    private final RootLocks locks;
    private final boolean fsync;

    /** A durable lake: every write is fsynced (file and folder) before it returns. */
    public FileLake(Path root) {
        this(root, true);
    }

    /**
     * @param fsync false for throwaway lakes (tests, benchmarks): writes stay atomic (rename) and preconditions stay
     *     exact, but a power failure may lose the last writes
     */
    public FileLake(Path root, boolean fsync) {
        this.fsync = fsync;
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
            this.metaRoot = this.root.resolve(INTERNAL_DIR).resolve("meta");
            Files.createDirectories(metaRoot);
        } catch (IOException e) {
            throw new LakeException("cannot create the lake folder " + root.toAbsolutePath()
                    + ": check that the path is writable (" + e + ")", e);
        }
        this.locks = LOCKS.computeIfAbsent(this.root, RootLocks::open);
    }

    /** The lake's root folder (absolute, real path). */
    public Path root() {
        return root;
    }

    /**
     * The local file holding the object at {@code path} (it may not exist). Readers such as DuckDB may read it
     * directly: writes replace it atomically.
     */
    public Path file(String path) {
        return root.resolve(checked(path));
    }

    @Override
    public ObjectInfo put(String path, byte[] content, PutCondition condition) {
        checked(path);
        Path target = root.resolve(path);
        return locks.withLock(path, () -> {
            Meta current = currentMeta(path, target, true);
            if (condition instanceof PutCondition.IfAbsent && current != null) {
                throw new PreconditionFailedException("lake object " + uri(path)
                        + " already exists (generation " + current.generation + "): the write required it absent");
            }
            if (condition instanceof PutCondition.IfGenerationMatches g) {
                long actual = current == null ? 0 : current.generation;
                if (actual != g.generation()) {
                    throw new PreconditionFailedException("lake object " + uri(path) + " has generation "
                            + (current == null ? "none (absent)" : actual) + ", the write required "
                            + g.generation());
                }
            }
            Path parent = target.getParent();
            Path temp = parent.resolve(TEMP_PREFIX + UUID.randomUUID());
            try {
                Files.createDirectories(parent);
                if (Files.isDirectory(target)) {
                    throw new LakeException("cannot write lake object " + uri(path)
                            + ": a folder of that name exists (it holds objects under " + path + "/)");
                }
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(content);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    if (fsync) {
                        ch.force(true);
                    }
                }
                moveAtomically(temp, target);
                if (fsync) {
                    fsyncDir(parent);
                }
                long generation = Math.max(current == null ? 1 : current.generation + 1, nowMicros());
                Meta meta = Meta.of(generation, sha256(content), Files.readAttributes(target, BasicFileAttributes.class));
                writeMeta(path, meta);
                return meta.info(path);
            } catch (IOException e) {
                throw new LakeException("cannot write lake object " + uri(path) + ": " + e, e);
            } finally {
                deleteQuietly(temp);
            }
        });
    }

    @Override
    public Optional<byte[]> get(String path) {
        Path target = file(path);
        try {
            return Optional.of(Files.readAllBytes(target));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                return Optional.empty();
            }
            throw new LakeException("cannot read lake object " + uri(path) + ": " + e, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String path) {
        checked(path);
        Path target = root.resolve(path);
        Meta meta = currentMeta(path, target, false);
        if (meta == null && Files.isRegularFile(target)) {
            meta = locks.withLock(path, () -> currentMeta(path, target, true));
        } else if (meta != null && meta.stale) {
            meta = locks.withLock(path, () -> currentMeta(path, target, true));
        }
        return meta == null ? Optional.empty() : Optional.of(meta.info(path));
    }

    @Override
    public ListPage list(String prefix, String pageToken, int pageSize) {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("page size " + pageSize + " is out of range: use 1..10000");
        }
        List<String> paths = walk(prefix, pageToken);
        List<ObjectInfo> objects = new ArrayList<>(Math.min(pageSize, paths.size()));
        int examined = 0;
        while (examined < paths.size() && objects.size() < pageSize) {
            stat(paths.get(examined++)).ifPresent(objects::add); // absent: deleted since the walk
        }
        String next = examined < paths.size() ? paths.get(examined - 1) : null;
        return new ListPage(List.copyOf(objects), next);
    }

    /** One walk of the folder instead of one per page. */
    @Override
    public List<ObjectInfo> listAll(String prefix) {
        List<ObjectInfo> objects = new ArrayList<>();
        for (String path : walk(prefix, null)) {
            stat(path).ifPresent(objects::add);
        }
        return objects;
    }

    /** Sorted object paths starting with {@code prefix} and after {@code after} (null: from the start). */
    private List<String> walk(String prefix, String after) {
        String p = LakePath.validatePrefix(prefix);
        int slash = p.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(p.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(start)) {
            walk.forEach(file -> {
                Path rel = root.relativize(file);
                if (isReserved(rel) || !Files.isRegularFile(file)) {
                    return;
                }
                String relPath = rel.toString().replace('\\', '/');
                if (relPath.startsWith(p) && (after == null || relPath.compareTo(after) > 0)) {
                    paths.add(relPath);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LakeException("cannot list lake prefix '" + p + "' under " + rootUri() + ": " + e, e);
        }
        paths.sort(null);
        return paths;
    }

    @Override
    public boolean delete(String path) {
        checked(path);
        Path target = root.resolve(path);
        return locks.withLock(path, () -> {
            try {
                boolean existed = Files.isRegularFile(target) && Files.deleteIfExists(target);
                Files.deleteIfExists(metaFile(path));
                if (existed && fsync) {
                    fsyncDir(target.getParent());
                }
                return existed;
            } catch (DirectoryNotEmptyException e) {
                return false;
            } catch (IOException e) {
                throw new LakeException("cannot delete lake object " + uri(path) + ": " + e, e);
            }
        });
    }

    @Override
    public String uri(String path) {
        return root.resolve(checked(path)).toUri().toString();
    }

    @Override
    public String rootUri() {
        return root.toUri().toString();
    }

    @Override
    public String toString() {
        return "FileLake[" + rootUri() + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String checked(String path) {
        LakePath.validate(path);
        for (String segment : path.split("/")) {
            if (segment.startsWith(RESERVED)) {
                throw new IllegalArgumentException("lake path '" + path + "' uses the reserved name prefix '"
                        + RESERVED + "' (temp and metadata files): rename the segment '" + segment + "'");
            }
        }
        return path;
    }

    private static boolean isReserved(Path rel) {
        for (Path segment : rel) {
            if (segment.toString().startsWith(RESERVED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The current metadata of {@code path}, or null when no object exists. With {@code heal} (caller holds the path's
     * lock) a missing or stale sidecar is rewritten; without, a stale sidecar is returned flagged {@link Meta#stale}.
     */
    private Meta currentMeta(String path, Path target, boolean heal) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (heal) {
                deleteQuietly(metaFile(path)); // object gone (crash during delete): drop its sidecar
            }
            return null;
        } catch (IOException e) {
            throw new LakeException("cannot stat lake object " + uri(path) + ": " + e, e);
        }
        if (!attrs.isRegularFile()) {
            return null;
        }
        Meta meta = readMeta(path);
        if (meta != null && meta.matches(attrs)) {
            return meta;
        }
        if (!heal) {
            return meta == null ? null : meta.asStale();
        }
        try {
            String hash;
            try (InputStream in = Files.newInputStream(target)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[65536];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                }
                hash = HexFormat.of().formatHex(digest.digest());
            }
            long generation = Math.max(meta == null ? 1 : meta.generation + 1, nowMicros());
            Meta healed = Meta.of(generation, hash, Files.readAttributes(target, BasicFileAttributes.class));
            writeMeta(path, healed);
            return healed;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LakeException("cannot index lake object " + uri(path) + ": " + e, e);
        }
    }

    private Path metaFile(String path) {
        return metaRoot.resolve(path + ".meta");
    }

    private Meta readMeta(String path) {
        Path file = metaFile(path);
        try (InputStream in = Files.newInputStream(file)) {
            Properties props = new Properties();
            props.load(in);
            return Meta.parse(props);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable sidecar: treated as missing and healed under the lock
        }
    }

    /**
     * Writes the sidecar atomically (temp + rename) but without fsync: a sidecar lost in a crash is rebuilt from the
     * file on next access with a new, higher generation ({@link #currentMeta}), so it needs no durability of its own.
     */
    private void writeMeta(String path, Meta meta) throws IOException {
        Path file = metaFile(path);
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.write(temp, meta.serialize().getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            moveAtomically(temp, file);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically", e);
        }
    }

    private static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) cannot open folders for fsync; the rename itself is still atomic.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file is ignored by listings
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sidecar metadata: generation and hash, plus the identity of the file they describe. */
    private record Meta(long generation, String sha256, long size, long mtimeNanos, String fileKey, boolean stale) {

        static Meta of(long generation, String sha256, BasicFileAttributes attrs) {
            return new Meta(generation, sha256, attrs.size(), mtimeNanos(attrs), String.valueOf(attrs.fileKey()), false);
        }

        static Meta parse(Properties p) {
            return new Meta(Long.parseLong(p.getProperty("generation")), p.getProperty("sha256"),
                    Long.parseLong(p.getProperty("size")), Long.parseLong(p.getProperty("mtimeNanos")),
                    p.getProperty("fileKey"), false);
        }

        private static long mtimeNanos(BasicFileAttributes attrs) {
            Instant t = attrs.lastModifiedTime().toInstant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }

        boolean matches(BasicFileAttributes attrs) {
            return size == attrs.size() && mtimeNanos == mtimeNanos(attrs)
                    && fileKey.equals(String.valueOf(attrs.fileKey()));
        }

        Meta asStale() {
            return new Meta(generation, sha256, size, mtimeNanos, fileKey, true);
        }

        String serialize() {
            return "generation=" + generation + "\nsha256=" + sha256 + "\nsize=" + size + "\nmtimeNanos=" + mtimeNanos
                    + "\nfileKey=" + fileKey.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:") + "\n";
        }

        ObjectInfo info(String path) {
            long seconds = Math.floorDiv(mtimeNanos, 1_000_000_000L);
            Instant updated = Instant.ofEpochSecond(seconds, Math.floorMod(mtimeNanos, 1_000_000_000L));
            return new ObjectInfo(path, size, generation, updated, sha256);
        }
    }

    /** Per-root locks: striped in-JVM locks plus OS byte-range locks on one lock file, for other processes. */
    private static final class RootLocks {
        private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
        private final FileChannel channel;

        private RootLocks(FileChannel channel) {
            this.channel = channel;
            for (int i = 0; i < STRIPES; i++) {
                stripes[i] = new ReentrantLock();
            }
        }

        static RootLocks open(Path root) {
            Path lockFile = root.resolve(INTERNAL_DIR).resolve("lock");
            try {
                Files.createDirectories(lockFile.getParent());
                try {
                    Files.createFile(lockFile);
                } catch (FileAlreadyExistsException e) {
                    // shared by every process using this lake
                }
                // Kept open for the life of the JVM: closing any channel on the file would drop this process's locks.
                return new RootLocks(FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw new LakeException("cannot open the lake lock file " + lockFile + ": " + e, e);
            }
        }

        <T> T withLock(String path, java.util.function.Supplier<T> action) {
            int stripe = Math.floorMod(path.hashCode(), STRIPES);
            ReentrantLock lock = stripes[stripe];
            lock.lock();
            try {
                if (lock.getHoldCount() > 1) {
                    return action.get(); // re-entrant (stat healing inside a locked section)
                }
                FileLock fileLock;
                try {
                    fileLock = channel.lock(stripe, 1, false);
                } catch (IOException e) {
                    throw new LakeException("cannot lock lake path " + path + ": " + e, e);
                }
                try {
                    return action.get();
                } finally {
                    try {
                        fileLock.release();
                    } catch (IOException e) {
                        // released when the process exits
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
