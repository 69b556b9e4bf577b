package dev.paceline.platform.lake;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BlobWriteSession;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lake in a GCS bucket under an optional prefix. Preconditions map to GCS's: {@code ifAbsent} is
 * {@code ifGenerationMatch=0} ({@link Storage.BlobTargetOption#doesNotExist()}), {@code ifGenerationMatches(g)} is
 * {@code ifGenerationMatch=g}; a 412 answer is a {@link PreconditionFailedException}. Conditional writes are idempotent,
 * so the client retries them under its own retry settings ({@code StorageOptions#getRetrySettings()}); unconditional
 * writes are retried as the client's default retry strategy allows. Content hashes are GCS's base64 MD5.
 */
public final class GcsLake implements Lake {

    private final Storage storage;
    private final String bucket;
    private final String prefix;
    private final boolean ownsStorage;

    /**
     * @param storage client (retry settings come from its options)
     * @param bucket bucket name
     * @param prefix key prefix without leading or trailing '/', or empty
     * @param ownsStorage close the client with the lake
     */
    public GcsLake(Storage storage, String bucket, String prefix, boolean ownsStorage) {
        this.storage = storage;
        this.bucket = bucket;
        String p = prefix == null ? "" : prefix;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty()) {
            LakePath.validate(p);
        }
        this.prefix = p.isEmpty() ? "" : p + "/";
        this.ownsStorage = ownsStorage;
    }

    public GcsLake(Storage storage, String bucket, String prefix) {
        this(storage, bucket, prefix, false);
    }

    private String key(String path) {
        return prefix + LakePath.validate(path);
    }

    @Override
    public ObjectInfo put(String path, byte[] content, PutCondition condition) {
        String key = key(path);
        String md5 = md5(content);
        BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, key)).setContentType(contentType(path)).build();
        try {
            BlobInfo written;
            if (condition instanceof PutCondition.None) {
                written = storage.create(info, content); // one multipart request
            } else {
                // Conditional writes: a resumable session whose ifGenerationMatch GCS checks when the session starts
                // and again when the object is finalised; idempotent, hence retried by the client.
                Storage.BlobWriteOption option = condition instanceof PutCondition.IfGenerationMatches g
                        ? Storage.BlobWriteOption.generationMatch(g.generation())
                        : Storage.BlobWriteOption.doesNotExist();
                BlobWriteSession session = storage.blobWriteSession(info, option);
                try (WritableByteChannel channel = session.open()) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
                written = session.getResult().get();
            }
            return toInfo(path, written, content.length, md5);
        } catch (StorageException e) {
            throw translateWrite(path, condition, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException se) {
                throw translateWrite(path, condition, se);
            }
            throw new LakeException("cannot write lake object " + uri(path) + ": " + e.getCause(), e.getCause());
        } catch (IOException e) {
            if (e.getCause() instanceof StorageException se) {
                throw translateWrite(path, condition, se);
            }
            throw new LakeException("cannot write lake object " + uri(path) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException("interrupted while writing lake object " + uri(path), e);
        }
    }

    private LakeException translateWrite(String path, PutCondition condition, StorageException e) {
        // 412 is GCS's answer; LocalStorageHelper signals an existing object with FileAlreadyExistsException.
        if (e.getCode() == 412 || e.getCause() instanceof FileAlreadyExistsException) {
            return new PreconditionFailedException("lake object " + uri(path) + ": the write's precondition ("
                    + describe(condition) + ") failed: " + e.getMessage());
        }
        return new LakeException("cannot write lake object " + uri(path) + ": " + e.getMessage(), e);
    }

    private static String contentType(String path) {
        if (path.endsWith(".json")) {
            return "application/json";
        }
        return path.endsWith(".gz") ? "application/gzip" : "application/octet-stream";
    }

    static String md5(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(PutCondition condition) {
        if (condition instanceof PutCondition.IfGenerationMatches g) {
            return "generation must be " + g.generation();
        }
        return condition instanceof PutCondition.IfAbsent ? "object must be absent" : "none";
    }

    @Override
    public Optional<byte[]> get(String path) {
        try {
            return Optional.of(storage.readAllBytes(BlobId.of(bucket, key(path))));
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw new LakeException("cannot read lake object " + uri(path) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String path) {
        try {
            Blob blob = storage.get(BlobId.of(bucket, key(path)));
            return blob == null ? Optional.empty() : Optional.of(toInfo(path, blob));
        } catch (StorageException e) {
            throw new LakeException("cannot stat lake object " + uri(path) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ListPage list(String listPrefix, String pageToken, int pageSize) {
        String p = LakePath.validatePrefix(listPrefix);
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("page size " + pageSize + " is out of range: use 1..10000");
        }
        List<ObjectInfo> objects = new ArrayList<>();
        String token = pageToken;
        try {
            // GCS pages may hold fewer entries than asked for (folder placeholders are skipped): fill the page.
            while (objects.size() < pageSize) {
                List<Storage.BlobListOption> options = new ArrayList<>();
                options.add(Storage.BlobListOption.prefix(prefix + p));
                options.add(Storage.BlobListOption.pageSize(pageSize - objects.size()));
                if (token != null) {
                    options.add(Storage.BlobListOption.pageToken(token));
                }
                Page<Blob> page = storage.list(bucket, options.toArray(Storage.BlobListOption[]::new));
                for (Blob blob : page.getValues()) {
                    if (blob.getName().endsWith("/")) {
                        continue;
                    }
                    objects.add(toInfo(blob.getName().substring(prefix.length()), blob));
                }
                token = page.getNextPageToken();
                if (token == null || token.isEmpty()) {
                    token = null;
                    break;
                }
            }
        } catch (StorageException e) {
            throw new LakeException("cannot list lake prefix '" + p + "' under " + rootUri() + ": " + e.getMessage(), e);
        }
        objects.sort((a, b) -> a.path().compareTo(b.path()));
        return new ListPage(List.copyOf(objects), token);
    }

    @Override
    public boolean delete(String path) {
        try {
            return storage.delete(BlobId.of(bucket, key(path)));
        } catch (StorageException e) {
            throw new LakeException("cannot delete lake object " + uri(path) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String uri(String path) {
        return "gs://" + bucket + "/" + key(path);
    }

    @Override
    public String rootUri() {
        return "gs://" + bucket + "/" + prefix;
    }

    /** The bucket name. */
    public String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        if (ownsStorage) {
            try {
                storage.close();
            } catch (Exception e) {
                // closing a client is best effort
            }
        }
    }

    @Override
    public String toString() {
        return "GcsLake[" + rootUri() + "]";
    }

    private static ObjectInfo toInfo(String path, BlobInfo blob) {
        return toInfo(path, blob, blob.getSize() == null ? 0 : blob.getSize(), blob.getMd5());
    }

    private static ObjectInfo toInfo(String path, BlobInfo blob, long knownSize, String knownMd5) {
        Long generation = blob.getGeneration();
        Instant updated = Instant.EPOCH;
        OffsetDateTime t = blob.getUpdateTimeOffsetDateTime();
        if (t == null) {
            t = blob.getCreateTimeOffsetDateTime();
        }
        if (t != null) {
            updated = t.toInstant();
        }
        long size = blob.getSize() == null ? knownSize : blob.getSize();
        String md5 = blob.getMd5() == null ? knownMd5 : blob.getMd5();
        return new ObjectInfo(path, size, generation == null ? 0 : generation, updated, md5);
    }
}
