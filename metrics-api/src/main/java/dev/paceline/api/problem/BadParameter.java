package dev.paceline.api.problem;

/** A request parameter that cannot be used: served as 400 problem naming the parameter. */
public class BadParameter extends RuntimeException {

    private final String parameter;

    public BadParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
