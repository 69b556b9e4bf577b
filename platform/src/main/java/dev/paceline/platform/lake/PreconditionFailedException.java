package dev.paceline.platform.lake;

/** A conditional write lost: the object exists (ifAbsent) or has another generation (ifGenerationMatches). */
public class PreconditionFailedException extends LakeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
