package dev.paceline.platform.lake;

/** A precondition on a lake write. */
public sealed interface PutCondition {

    static PutCondition none() {
        return None.INSTANCE;
    }

    /** The write succeeds only when no object exists at the path. */
    static PutCondition ifAbsent() {
        return IfAbsent.INSTANCE;
    }

    /** The write succeeds only when the object's current generation is {@code generation}. */
    static PutCondition ifGenerationMatches(long generation) {
        return new IfGenerationMatches(generation);
    }

    enum None implements PutCondition { INSTANCE }

    enum IfAbsent implements PutCondition { INSTANCE }

    record IfGenerationMatches(long generation) implements PutCondition {
    }
}
