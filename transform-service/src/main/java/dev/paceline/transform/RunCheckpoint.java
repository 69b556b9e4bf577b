package dev.paceline.transform;

import org.jboss.logging.Logger;

/**
 * A named point of a transform run where a crash leaves a state worth testing: {@link #LOAD} (a batch of raw objects
 * is in the scratch table, its commit not yet run), {@link #BATCH} (between two batches of a batched model rebuild)
 * and {@link #PUBLISH} (partitions and the build manifest written, {@code serving/CURRENT} not yet moved). Tests use
 * it to act at that point (take the lease away, kill the process); production runs pass {@link #NONE}.
 */
@FunctionalInterface
public interface RunCheckpoint {

    String LOAD = "load";
    String BATCH = "batch";
    String PUBLISH = "publish";

    /**
     * The system property that makes a process pause for good at one checkpoint (crash drills kill it there); outside
     * the {@code paceline.transform} config root, which rejects keys it does not map.
     */
    String PAUSE_PROPERTY = "dev.paceline.transform.pause-at";

    RunCheckpoint NONE = step -> { };

    void reached(String step);

    /**
     * {@link #NONE}, or, when the system property {@value #PAUSE_PROPERTY} names a checkpoint, one that logs
     * {@code "paused at checkpoint <step>"} there and then sleeps until the process is killed. Only the crash drills set
     * the property.
     */
    static RunCheckpoint fromSystemProperty() {
        String step = System.getProperty(PAUSE_PROPERTY);
        if (step == null || step.isBlank()) {
            return NONE;
        }
        Logger log = Logger.getLogger(RunCheckpoint.class);
        return reached -> {
            if (!reached.equals(step.strip())) {
                return;
            }
            log.warnf("paused at checkpoint %s (%s is set: a crash drill kills this process now)", reached, PAUSE_PROPERTY);
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while paused at checkpoint " + reached, e);
                }
            }
        };
    }
}
