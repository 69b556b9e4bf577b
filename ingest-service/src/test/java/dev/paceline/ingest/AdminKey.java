package dev.paceline.ingest;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The API keys of the test profile (application.properties, %test): operations endpoints need the admin one. */
public final class AdminKey {

    /** %test.paceline.api.keys.local: a plain admin key, as PACELINE_LOCAL_API_KEY would give. */
    public static final String LOCAL = "ops-test-local-admin-key-0123";
    /** Its SHA-256 is in %test.paceline.api.keys.hashed with scope admin. */
    public static final String HASHED_ADMIN = "ops-test-hashed-admin-key";
    /** Its SHA-256 is in %test.paceline.api.keys.hashed with scope athletes=1. */
    public static final String ATHLETE = "ops-test-athlete-key";

    private AdminKey() {
    }

    /** A request carrying the local admin key. */
    public static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + LOCAL);
    }
}
