package dev.paceline.ingest.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of token objects at rest. The lake path is bound as associated data, so a token object
 * copied to another athlete's path does not decrypt.
 */
public final class TokenCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final ObjectMapper json;

    public TokenCipher(byte[] key, ObjectMapper json) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the token key has " + key.length
                    + " bytes: paceline.ingest.token-key (PACELINE_TOKEN_KEY) must be base64 of exactly 32 bytes,"
                    + " e.g. the output of `openssl rand -base64 32`");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.json = json;
    }

    /** Parses a base64 key as configured; the message names the key and the fix. */
    public static byte[] decodeKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paceline.ingest.token-key (PACELINE_TOKEN_KEY) is not valid base64:"
                    + " give base64 of 32 random bytes, e.g. the output of `openssl rand -base64 32`");
        }
    }

    /** A fresh random 32-byte key. */
    public static byte[] newKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    /** {"v":1,"alg":"AES-256-GCM","iv":…,"ciphertext":…} for {@code plaintext} bound to {@code path}. */
    public byte[] encrypt(byte[] plaintext, String path) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext);
            ObjectNode node = json.createObjectNode();
            node.put("v", 1);
            node.put("alg", "AES-256-GCM");
            node.put("iv", Base64.getEncoder().encodeToString(iv));
            node.put("ciphertext", Base64.getEncoder().encodeToString(ct));
            return json.writeValueAsBytes(node);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("encrypting the token for " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** The plaintext of an object written by {@link #encrypt}; a wrong key or a tampered object is an error. */
    public byte[] decrypt(byte[] stored, String path) {
        try {
            JsonNode node = json.readTree(stored);
            if (node == null || !node.path("alg").asText().equals("AES-256-GCM")) {
                throw new IllegalStateException("the token object " + path + " is not an AES-256-GCM token object");
            }
            byte[] iv = Base64.getDecoder().decode(node.path("iv").asText());
            byte[] ct = Base64.getDecoder().decode(node.path("ciphertext").asText());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ct);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("the token object " + path + " does not decrypt with the configured key:"
                    + " PACELINE_TOKEN_KEY changed or the object was altered; restore the key or reconnect the athlete"
                    + " (GET /oauth/connect)", e);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the token object " + path + " is unreadable (" + e.getMessage()
                    + "): reconnect the athlete (GET /oauth/connect)", e);
        }
    }
}
