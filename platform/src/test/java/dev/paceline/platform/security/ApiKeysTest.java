package dev.paceline.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    private static final String LOCAL = "local-key-of-24-chars-ok";

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hashedEntriesCarryTheirScopes() {
        List<ApiKey> keys = ApiKeys.parse(hash("a") + ":admin;" + hash("b") + ":athletes=7, 9\n# comment\n", "test");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).admin()).isTrue();
        assertThat(keys.get(0).label()).isEqualTo(hash("a").substring(0, 8));
        assertThat(keys.get(1).admin()).isFalse();
        assertThat(keys.get(1).athletes()).containsExactlyInAnyOrder(7L, 9L);
        assertThat(keys.get(1).canRead(9)).isTrue();
        assertThat(keys.get(1).canRead(8)).isFalse();
    }

    @Test
    void aPresentedKeyMatchesItsHashAndNothingElse() {
        ApiKeys keys = new ApiKeys(Optional.of(hash("admin-key") + ":admin;" + hash("athlete-key") + ":athletes=1"),
                Optional.empty(), Optional.of(LOCAL));
        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.authenticate("admin-key")).hasValueSatisfying(k -> assertThat(k.admin()).isTrue());
        assertThat(keys.authenticate("athlete-key")).hasValueSatisfying(k -> assertThat(k.athletes()).isEqualTo(Set.of(1L)));
        assertThat(keys.authenticate(LOCAL)).hasValueSatisfying(k -> {
            assertThat(k.admin()).isTrue();
            assertThat(k.label()).startsWith("local:");
        });
        assertThat(keys.authenticate("admin-key ")).isEmpty();
        assertThat(keys.authenticate(hash("admin-key"))).as("the hash itself is not a key").isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void aLocalKeyShorterThan24CharactersStopsTheServiceNamingTheFix() {
        assertThatThrownBy(() -> new ApiKeys(Optional.empty(), Optional.empty(), Optional.of("local-demo-key")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PACELINE_LOCAL_API_KEY")
                .hasMessageContaining("has 14 characters")
                .hasMessageContaining("at least 24")
                .hasMessageContaining("openssl rand")
                .hasMessageNotContaining("local-demo-key");
        assertThat(ApiKeys.localKey("x".repeat(24)).admin()).isTrue();
    }

    @Test
    void aBlankLocalKeyMeansNoLocalKey() {
        assertThat(new ApiKeys(Optional.empty(), Optional.empty(), Optional.of("  ")).size()).isZero();
    }

    @Test
    void malformedEntriesNameTheSourceAndTheFormWithoutEchoingTheWholeEntry() {
        assertThatThrownBy(() -> ApiKeys.parse("plain-secret-that-is-long:admin", "PACELINE_API_KEYS_HASHED"))
                .hasMessageContaining("PACELINE_API_KEYS_HASHED")
                .hasMessageContaining("64-digit SHA-256")
                .hasMessageNotContaining("plain-secret-that-is-long");
        assertThatThrownBy(() -> ApiKeys.parse(hash("a") + ":root", "src")).hasMessageContaining("scope 'root'")
                .hasMessageContaining("'admin' or 'athletes=<id>,<id>'");
        assertThatThrownBy(() -> ApiKeys.parse(hash("a") + ":athletes=1,x", "src")).hasMessageContaining("athlete 'x'");
    }

    @Test
    void aKeyFileAddsItsEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, hash("from-file") + ":athletes=3 # Carol\n");
        ApiKeys keys = new ApiKeys(Optional.empty(), Optional.of(file.toString()), Optional.empty());
        assertThat(keys.authenticate("from-file")).hasValueSatisfying(k -> assertThat(k.canRead(3)).isTrue());
        assertThatThrownBy(() -> new ApiKeys(Optional.empty(), Optional.of(dir.resolve("missing").toString()),
                Optional.empty())).hasMessageContaining("paceline.api.keys.file=").hasMessageContaining("cannot be read");
    }
}
