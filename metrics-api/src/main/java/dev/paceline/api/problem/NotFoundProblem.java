package dev.paceline.api.problem;

/** An unknown athlete, activity or date: served as 404 problem. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String message) {
        super(message);
    }
}
