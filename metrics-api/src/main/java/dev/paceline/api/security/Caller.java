package dev.paceline.api.security;

import dev.paceline.platform.security.ApiKey;
import jakarta.enterprise.context.RequestScoped;

/** The API key of the current request, set by {@link ApiKeyFilter}. */
@RequestScoped
public class Caller {

    private ApiKey key;

    void set(ApiKey key) {
        this.key = key;
    }

    /** The authenticated key (the filter refuses requests without one before any resource runs). */
    public ApiKey key() {
        if (key == null) {
            throw new IllegalStateException("no authenticated API key on this request");
        }
        return key;
    }
}
