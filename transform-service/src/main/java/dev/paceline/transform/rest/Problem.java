package dev.paceline.transform.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem document ({@code application/problem+json}). */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }
}
