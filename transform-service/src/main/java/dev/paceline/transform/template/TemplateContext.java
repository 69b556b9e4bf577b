package dev.paceline.transform.template;

import java.util.List;
import java.util.Map;

/** What a template sees while rendering: variables and functions (ref, source, config, macros). */
public interface TemplateContext {

    /** The value of a name, e.g. {@code this}; unknown names are an error naming the name. */
    Object variable(String name);

    /** Calls a function with evaluated arguments; unknown functions are an error naming the function. */
    Object call(String function, List<Object> args, Map<String, Object> kwargs);
}
