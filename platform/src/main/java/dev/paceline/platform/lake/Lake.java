package dev.paceline.platform.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lake port: a flat object store addressed by '/'-separated relative paths (a local folder or a GCS bucket
 * prefix). Paths are validated by {@link LakePath#validate(String)}; a bad path is an {@link IllegalArgumentException}.
 * Every write is atomic: a reader sees the old object or the new one, never a partial one.
 */
public interface Lake extends AutoCloseable {

    /** Writes {@code content} at {@code path} if {@code condition} holds, else throws {@link PreconditionFailedException}. */
    ObjectInfo put(String path, byte[] content, PutCondition condition);

    /** Unconditional write. */
    default ObjectInfo put(String path, byte[] content) {
        return put(path, content, PutCondition.none());
    }

    /** The object's bytes, or empty when there is no object at {@code path}. */
    Optional<byte[]> get(String path);

    /** The object's metadata, or empty when there is no object at {@code path}. */
    Optional<ObjectInfo> stat(String path);

    /**
     * One page of the objects whose path starts with {@code prefix}, sorted by path.
     *
     * @param pageToken null for the first page, else {@link ListPage#nextPageToken()} of the previous page
     * @param pageSize at most this many objects (1..10,000)
     */
    ListPage list(String prefix, String pageToken, int pageSize);

    /** All objects under {@code prefix}, sorted by path (pages through {@link #list}). */
    default List<ObjectInfo> listAll(String prefix) {
        List<ObjectInfo> all = new ArrayList<>();
        String token = null;
        do {
            ListPage page = list(prefix, token, 1000);
            all.addAll(page.objects());
            token = page.nextPageToken();
        } while (token != null);
        return all;
    }

    /** Deletes the object; returns false when there was none. */
    boolean delete(String path);

    /** The external URI of an object, e.g. {@code gs://bucket/prefix/raw/x.json} or {@code file:///abs/raw/x.json}. */
    String uri(String path);

    /** The lake's root URI, for logs and error messages. */
    String rootUri();

    @Override
    default void close() {
    }
}
