package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer in Strava's error format ({@code {"message":..,"errors":[{"resource","field","code"}]}}), carried up to
 * the REST layer which writes it with its status.
 */
public class StravaException extends RuntimeException {

    private final int status;
    private final transient ObjectNode body;

    public StravaException(int status, ObjectNode body) {
        super(body.toString());
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return body;
    }

    public static ObjectNode body(String message, String resource, String field, String code) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("message", message);
        o.putArray("errors").addObject().put("resource", resource).put("field", field).put("code", code);
        return o;
    }

    public static StravaException badRequest(String resource, String field, String code) {
        return new StravaException(400, body("Bad Request", resource, field, code));
    }

    public static StravaException unauthorized(String resource, String field, String code) {
        return new StravaException(401, body("Authorization Error", resource, field, code));
    }

    public static StravaException notFound(String resource, String field) {
        return new StravaException(404, body("Record Not Found", resource, field, "not found"));
    }

    /** 401 for a missing, expired or revoked access token. */
    public static ObjectNode invalidToken() {
        return body("Authorization Error", "Athlete", "access_token", "invalid");
    }

    /** 403 while the application is inactive (no subscription, since mid-2026). */
    public static ObjectNode applicationInactive() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putArray("errors").addObject().put("resource", "Application").put("field", "Status").put("code", "Inactive");
        return o;
    }

    /** 429 as recorded from Strava ({@code strava-recorded/activity_with_ratelimit_exceeded.yml}). */
    public static ObjectNode rateLimitExceeded() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("errors", "Rate Limit Exceeded");
        o.put("status", 429);
        o.put("message", "Too Many Requests");
        return o;
    }
}
