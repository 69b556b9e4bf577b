package dev.paceline.ingest.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answer of POST /oauth/token; {@code athlete} only on the authorization_code grant. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponse(
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_at") long expiresAt,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("athlete") JsonNode athlete) {

    @Override
    public String toString() {
        return "TokenResponse[expiresAt=" + expiresAt + ", accessToken=***, refreshToken=***]";
    }
}
