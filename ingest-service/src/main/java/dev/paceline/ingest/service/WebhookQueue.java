package dev.paceline.ingest.service;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.lake.PutCondition;
import dev.paceline.platform.layout.LakeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable queue of received webhook events under {@code state/ingest/webhook-queue/}: an event is in the lake before
 * Strava gets its 200, and leaves the queue only after its work is written.
 */
@ApplicationScoped
public class WebhookQueue {

    static final String PREFIX = LakeLayout.state("ingest", "webhook-queue/");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Lake lake;
    private final Clock clock;

    public WebhookQueue(Lake lake, Clock clock) {
        this.lake = lake;
        this.clock = clock;
    }

    /** Stores the event bytes as received; returns the queue object path. */
    public String enqueue(byte[] event) {
        String path = PREFIX + NAME_TIME.format(clock.instant()) + "-" + UUID.randomUUID() + ".json";
        lake.put(path, event, PutCondition.ifAbsent());
        return path;
    }

    /** Queued events, oldest first. */
    public List<ObjectInfo> pending() {
        return lake.listAll(PREFIX);
    }

    public Optional<byte[]> read(String path) {
        return lake.get(path);
    }

    public void remove(String path) {
        lake.delete(path);
    }
}
