package dev.paceline.simulator.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** RFC 9457 problem details for the admin API. */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail) {

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }
}
