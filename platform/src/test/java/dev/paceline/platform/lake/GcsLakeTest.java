package dev.paceline.platform.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The lake contract on {@link GcsLake} over Google's in-memory {@code Storage} (LocalStorageHelper). That double
 * enforces {@code doesNotExist} but keeps no generations, so the generation-match tests are skipped here; they run on
 * {@link FileLakeTest}. It computes no checksums, so stat's hash is not compared here. It does not page listings either (it truncates an unsorted listing and returns no token), so
 * the paging test is skipped here too; sorting and prefix filtering still run.
 */
class GcsLakeTest extends LakeContract {

    private Storage storage;

    @Override
    protected Lake lake() {
        storage = LocalStorageHelper.getOptions().getService();
        return new GcsLake(storage, "paceline-test", "env/dev/");
    }

    @Override
    protected boolean keepsGenerations() {
        return false;
    }

    /** FakeStorageRpc computes no checksums ("checksums, etags: unsupported"); GCS always reports md5Hash. */
    @Override
    protected boolean keepsContentHashes() {
        return false;
    }

    /** FakeStorageRpc truncates an unsorted listing to the page size and never returns a next-page token. */
    @Override
    protected boolean pagesListings() {
        return false;
    }

    @Test
    void objectsLiveUnderThePrefixAndUrisAreGs() {
        Lake lake = lake();
        lake.put("raw/x.json", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(storage.get(BlobId.of("paceline-test", "env/dev/raw/x.json"))).isNotNull();
        assertThat(lake.uri("raw/x.json")).isEqualTo("gs://paceline-test/env/dev/raw/x.json");
        assertThat(lake.rootUri()).isEqualTo("gs://paceline-test/env/dev/");
        // put reports GCS's hash form, base64 MD5 (the double's stat has none: it computes no checksums)
        assertThat(lake.put("raw/y.json", "x".getBytes(StandardCharsets.UTF_8)).contentHash())
                .isEqualTo("ndTkYSaMgDT1yFZOFVxnpg==");
    }
}
