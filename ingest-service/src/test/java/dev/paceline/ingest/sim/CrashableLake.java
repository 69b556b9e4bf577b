package dev.paceline.ingest.sim;

import dev.paceline.platform.config.LakeUri;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ListPage;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.lake.PutCondition;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The lake of the tests: a {@link FileLake} that can "kill the process" after a number of writes. Once crashed every
 * write fails with {@link SimulatedCrash} (an Error nothing catches), so no later write (cursor, manifest) gets through, as
 * if the process had died between two writes.
 */
@Alternative
@Priority(10)
@ApplicationScoped
public class CrashableLake implements Lake {

    private final FileLake delegate;
    private final AtomicInteger writesLeft = new AtomicInteger(Integer.MAX_VALUE);

    public CrashableLake(@ConfigProperty(name = "paceline.lake.uri") String uri) {
        this.delegate = new FileLake(((LakeUri.Folder) LakeUri.parse(uri)).root());
    }

    /** Dies before the write after the next {@code writes}. */
    public void crashAfter(int writes) {
        writesLeft.set(writes);
    }

    public void revive() {
        writesLeft.set(Integer.MAX_VALUE);
    }

    private void maybeCrash(String path) {
        if (writesLeft.getAndUpdate(n -> n <= 0 || n == Integer.MAX_VALUE ? n : n - 1) <= 0) {
            writesLeft.set(0);
            throw new SimulatedCrash(path);
        }
    }

    @Override
    public ObjectInfo put(String path, byte[] content, PutCondition condition) {
        maybeCrash(path);
        return delegate.put(path, content, condition);
    }

    @Override
    public Optional<byte[]> get(String path) {
        return delegate.get(path);
    }

    @Override
    public Optional<ObjectInfo> stat(String path) {
        return delegate.stat(path);
    }

    @Override
    public ListPage list(String prefix, String pageToken, int pageSize) {
        return delegate.list(prefix, pageToken, pageSize);
    }

    @Override
    public boolean delete(String path) {
        maybeCrash(path);
        return delegate.delete(path);
    }

    @Override
    public String uri(String path) {
        return delegate.uri(path);
    }

    @Override
    public String rootUri() {
        return delegate.rootUri();
    }
}
