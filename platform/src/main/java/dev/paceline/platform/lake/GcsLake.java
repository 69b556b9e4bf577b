package dev.paceline.platform.lake;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.time.Instant;
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
        BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, key)).build();
        try {
            Blob blob;
            if (condition instanceof PutCondition.IfAbsent) {
                blob = storage.create(info, content, Storage.BlobTargetOption.doesNotExist());
            } else if (condition instanceof PutCondition.IfGenerationMatches g) {
                blob = storage.create(info, content, Storage.BlobTargetOption.generationMatch(g.generation()));
            } else {
                blob = storage.create(info, content);
            }
            return toInfo(path, blob);
        } catch (StorageException e) {
            if (e.getCode() == 412) {
                throw new PreconditionFailedException("lake object " + uri(path) + ": the write's precondition ("
                        + describe(condition) + ") failed: " + e.getMessage());
            }
            throw new LakeException("cannot write lake object " + uri(path) + ": " + e.getMessage(), e);
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

    private static ObjectInfo toInfo(String path, Blob blob) {
        Long generation = blob.getGeneration();
        Instant updated = Instant.EPOCH;
        OffsetDateTime t = blob.getUpdateTimeOffsetDateTime();
        if (t == null) {
            t = blob.getCreateTimeOffsetDateTime();
        }
        if (t != null) {
            updated = t.toInstant();
        }
        long size = blob.getSize() == null ? 0 : blob.getSize();
        return new ObjectInfo(path, size, generation == null ? 0 : generation, updated, blob.getMd5());
    }
}
