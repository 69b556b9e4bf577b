package dev.paceline.transform.template;

/** A template could not be parsed or rendered; the message names the model, the construct and the fix. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
