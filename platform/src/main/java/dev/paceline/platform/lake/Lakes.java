package dev.paceline.platform.lake;

import com.google.cloud.storage.StorageOptions;
import dev.paceline.platform.config.LakeUri;

/** Opens the {@link Lake} a {@link LakeUri} names. */
public final class Lakes {

    private Lakes() {
    }

    /**
     * A {@link FileLake} for a folder (created when missing), a {@link GcsLake} for {@code gs://} (credentials and
     * project from Application Default Credentials, retry settings from the client's defaults).
     */
    public static Lake open(LakeUri uri) {
        if (uri instanceof LakeUri.Folder folder) {
            return new FileLake(folder.root());
        }
        if (uri instanceof LakeUri.Gcs gcs) {
            try {
                return new GcsLake(StorageOptions.getDefaultInstance().getService(), gcs.bucket(), gcs.prefix(), true);
            } catch (RuntimeException e) {
                throw new LakeException("cannot create the GCS client for " + LakeUri.KEY + "=gs://" + gcs.bucket()
                        + "/" + gcs.prefix() + ": " + e.getMessage() + ". Provide Application Default Credentials"
                        + " (GKE Workload Identity, or GOOGLE_APPLICATION_CREDENTIALS pointing at a service-account key)", e);
            }
        }
        throw new IllegalArgumentException("unsupported lake URI " + uri);
    }
}
