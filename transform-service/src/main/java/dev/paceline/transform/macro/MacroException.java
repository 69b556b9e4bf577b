package dev.paceline.transform.macro;

import dev.paceline.transform.template.TemplateException;

/** A macro was called with bad arguments; the message names the macro and the argument. */
public class MacroException extends TemplateException {

    public MacroException(String message) {
        super(message);
    }
}
