package dev.paceline.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem (application/problem+json).
 *
 * @param parameter the request parameter at fault (400 only)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://paceline.dev/problems/bad-parameter") String type,
        @Schema(example = "Bad parameter") String title,
        @Schema(example = "400") int status,
        @Schema(example = "from: '2026-13-01' is not a date; use YYYY-MM-DD") String detail,
        @Schema(example = "/api/v1/athletes/1/fitness") String instance,
        @Schema(example = "from") String parameter) {
}
