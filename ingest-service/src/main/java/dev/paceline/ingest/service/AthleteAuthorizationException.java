package dev.paceline.ingest.service;

/** An athlete's tokens no longer work; syncing that athlete stops until it is reconnected. */
public class AthleteAuthorizationException extends RuntimeException {

    private final long athleteId;

    public AthleteAuthorizationException(long athleteId, String message, Throwable cause) {
        super(message, cause);
        this.athleteId = athleteId;
    }

    public long athleteId() {
        return athleteId;
    }
}
