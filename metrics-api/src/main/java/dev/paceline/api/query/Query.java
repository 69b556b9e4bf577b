package dev.paceline.api.query;

import dev.paceline.api.snapshot.AthleteMarts;
import java.util.List;
import java.util.function.Function;

/**
 * A planned query of one athlete: the marts it reads and how it answers once they are resolved. Planning parses and
 * validates; the caller resolves the marts (in memory, or loaded from the lake off the event loop), then answers.
 */
public record Query(List<String> marts, Function<AthleteMarts, Answer> answer) {

    public static Query of(String mart, Function<AthleteMarts, Answer> answer) {
        return new Query(List.of(mart), answer);
    }
}
