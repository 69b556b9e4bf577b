package dev.paceline.transform.service;

import dev.paceline.platform.lake.LakeLease;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Keeps a run's lease alive while the run works: renews it every third of its TTL on a daemon thread, so a long load
 * or batched rebuild never outlives its lease while the process is healthy. A renewal that finds the lease taken
 * stops the heartbeat and remembers the loss; {@link #fence()} then refuses every commit point of the run.
 */
final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class);

    private final LakeLease lease;
    private final AtomicReference<LakeLease.Handle> handle;
    private final AtomicReference<RuntimeException> lost = new AtomicReference<>();
    private final ScheduledExecutorService timer;

    LeaseHeartbeat(LakeLease lease, LakeLease.Handle held, Duration ttl) {
        this.lease = lease;
        this.handle = new AtomicReference<>(held);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "transform-lease-" + held.holder().runId());
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, ttl.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private synchronized void renew() {
        if (lost.get() != null) {
            return;
        }
        try {
            handle.set(lease.renew(handle.get()));
        } catch (LakeLease.LostException e) {
            lost.set(e);
            LOG.errorf("%s", e.getMessage());
            timer.shutdown();
        } catch (RuntimeException e) {
            // A lake hiccup: the next beat tries again, the lease TTL leaves room for several.
            LOG.warnf("renewing the transform lease failed (%s); retrying", e.getMessage());
        }
    }

    /** Throws when the lease was lost; checks the lake too, so a loss between two beats is caught. */
    synchronized void fence() {
        RuntimeException e = lost.get();
        if (e != null) {
            throw e;
        }
        lease.fence(handle.get());
    }

    /** Stops renewing and gives the lease up (when still ours). */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (lost.get() == null) {
            lease.release(handle.get());
        }
    }
}
