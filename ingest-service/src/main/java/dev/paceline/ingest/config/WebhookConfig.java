package dev.paceline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Strava push subscription (webhooks). */
@ConfigMapping(prefix = "paceline.webhook")
public interface WebhookConfig {

    /** Token Strava must echo in the subscription handshake (env STRAVA_WEBHOOK_VERIFY_TOKEN); empty refuses every handshake. */
    Optional<String> verifyToken();

    /** Id of the push subscription created outside this service; else the one stored by POST /webhook/subscription is used. */
    Optional<Long> subscriptionId();

    /** Public URL of POST /webhook, sent to Strava when creating the subscription. */
    @WithDefault("http://localhost:8081/webhook")
    String callbackUrl();

    /** On athlete deauthorization, delete the athlete's raw data (true) or keep it frozen (false). */
    @WithDefault("true")
    boolean purgeOnDeauthorize();
}
