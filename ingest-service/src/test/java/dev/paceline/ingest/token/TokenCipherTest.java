package dev.paceline.ingest.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private final ObjectMapper json = new ObjectMapper();
    private final byte[] key = TokenCipher.newKey();

    @Test
    void roundTripsAndHidesThePlaintext() {
        TokenCipher cipher = new TokenCipher(key, json);
        byte[] secret = "{\"refresh_token\":\"r-123-secret\"}".getBytes(StandardCharsets.UTF_8);
        byte[] stored = cipher.encrypt(secret, "state/ingest/athlete_id=1/token.json");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("r-123-secret").contains("AES-256-GCM");
        assertThat(cipher.decrypt(stored, "state/ingest/athlete_id=1/token.json")).isEqualTo(secret);
        assertThat(cipher.encrypt(secret, "p")).isNotEqualTo(cipher.encrypt(secret, "p"));
    }

    @Test
    void anObjectCopiedToAnotherAthleteOrReadWithAnotherKeyDoesNotDecrypt() {
        TokenCipher cipher = new TokenCipher(key, json);
        byte[] stored = cipher.encrypt("x".getBytes(StandardCharsets.UTF_8), "state/ingest/athlete_id=1/token.json");
        assertThatThrownBy(() -> cipher.decrypt(stored, "state/ingest/athlete_id=2/token.json"))
                .hasMessageContaining("does not decrypt with the configured key");
        TokenCipher other = new TokenCipher(TokenCipher.newKey(), json);
        assertThatThrownBy(() -> other.decrypt(stored, "state/ingest/athlete_id=1/token.json"))
                .hasMessageContaining("PACELINE_TOKEN_KEY changed");
    }

    @Test
    void badKeysNameTheSettingAndTheFix() {
        assertThatThrownBy(() -> new TokenCipher(new byte[16], json))
                .hasMessageContaining("PACELINE_TOKEN_KEY").hasMessageContaining("exactly 32 bytes")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> TokenCipher.decodeKey("not base64!"))
                .hasMessageContaining("not valid base64");
        assertThat(TokenCipher.decodeKey(Base64.getEncoder().encodeToString(key))).isEqualTo(key);
    }

    @Test
    void tokenToStringNeverShowsSecrets() {
        StoredToken t = new StoredToken(7, "access-secret", 100, "refresh-secret", "read", "now");
        assertThat(t.toString()).doesNotContain("access-secret").doesNotContain("refresh-secret").contains("athleteId=7");
        assertThat(t.lacksScope("profile:read_all")).isTrue();
        assertThat(new StoredToken(7, "a", 1, "r", null, "now").lacksScope("profile:read_all")).isFalse();
    }
}
