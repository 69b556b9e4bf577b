package dev.paceline.ingest.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.config.IngestConfig;
import dev.paceline.platform.config.LakeUri;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.lake.PreconditionFailedException;
import dev.paceline.platform.layout.LakeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Athletes' Strava tokens, encrypted with AES-256-GCM under {@code state/ingest/athlete_id=<A>/token.json}. The
 * newest refresh token is persisted before the access token it came with is used, so a rotation is never lost.
 */
@ApplicationScoped
public class TokenStore {

    private static final Logger LOG = Logger.getLogger(TokenStore.class);
    static final String KEY_OBJECT = LakeLayout.state("ingest", "token-key");
    private static final String ATHLETE_PREFIX = LakeLayout.state("ingest", "athlete_id=");

    private final Lake lake;
    private final IngestConfig config;
    private final String lakeUri;
    private final ObjectMapper json;
    private volatile TokenCipher cipher;

    public TokenStore(Lake lake, IngestConfig config, ObjectMapper json,
            @ConfigProperty(name = "paceline.lake.uri", defaultValue = "./.paceline/lake") String lakeUri) {
        this.lake = lake;
        this.config = config;
        this.json = json;
        this.lakeUri = lakeUri;
    }

    public static String tokenPath(long athleteId) {
        return LakeLayout.state("ingest", "athlete_id=" + athleteId + "/token.json");
    }

    public Optional<StoredToken> load(long athleteId) {
        String path = tokenPath(athleteId);
        return lake.get(path).map(bytes -> {
            try {
                return json.readValue(cipher().decrypt(bytes, path), StoredToken.class);
            } catch (IOException e) {
                throw new IllegalStateException("the token object " + path + " holds no token: reconnect the athlete"
                        + " (GET /oauth/connect)", e);
            }
        });
    }

    public void save(StoredToken token) {
        String path = tokenPath(token.athleteId());
        try {
            lake.put(path, cipher().encrypt(json.writeValueAsBytes(token), path));
        } catch (IOException e) {
            throw new IllegalStateException("serializing the token of athlete " + token.athleteId() + " failed", e);
        }
    }

    public boolean delete(long athleteId) {
        return lake.delete(tokenPath(athleteId));
    }

    /** Athletes with a stored token, ascending. */
    public List<Long> athletes() {
        List<Long> ids = new ArrayList<>();
        for (ObjectInfo info : lake.listAll(ATHLETE_PREFIX)) {
            if (info.path().endsWith("/token.json")) {
                String segment = info.path().substring(ATHLETE_PREFIX.length(), info.path().indexOf('/', ATHLETE_PREFIX.length()));
                try {
                    ids.add(Long.parseLong(segment));
                } catch (NumberFormatException e) {
                    LOG.warnf("ignoring %s: not an athlete token path", info.path());
                }
            }
        }
        ids.sort(Long::compare);
        return ids;
    }

    TokenCipher cipher() {
        TokenCipher c = cipher;
        if (c == null) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = new TokenCipher(resolveKey(), json);
                }
                c = cipher;
            }
        }
        return c;
    }

    private byte[] resolveKey() {
        Optional<String> configured = config.tokenKey().filter(k -> !k.isBlank());
        if (configured.isPresent()) {
            return TokenCipher.decodeKey(configured.get());
        }
        LakeUri uri = LakeUri.parse(lakeUri);
        if (!(uri instanceof LakeUri.Folder)) {
            throw new IllegalStateException("PACELINE_TOKEN_KEY is not set and the lake is " + lakeUri
                    + ": tokens in a shared bucket need a key kept outside it. Set PACELINE_TOKEN_KEY to the output of"
                    + " `openssl rand -base64 32` (a Kubernetes secret in the chart)");
        }
        Optional<byte[]> stored = lake.get(KEY_OBJECT);
        if (stored.isPresent()) {
            return TokenCipher.decodeKey(new String(stored.get(), StandardCharsets.US_ASCII));
        }
        byte[] key = TokenCipher.newKey();
        try {
            lake.put(KEY_OBJECT, Base64.getEncoder().encode(key), dev.paceline.platform.lake.PutCondition.ifAbsent());
            LOG.warnf("PACELINE_TOKEN_KEY is not set: generated a token key at %s (local lake only). Set"
                    + " PACELINE_TOKEN_KEY for any shared deployment.", lake.uri(KEY_OBJECT));
            return key;
        } catch (PreconditionFailedException raced) {
            return TokenCipher.decodeKey(new String(lake.get(KEY_OBJECT).orElseThrow(), StandardCharsets.US_ASCII));
        }
    }
}
