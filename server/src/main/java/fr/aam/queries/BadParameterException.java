package fr.aam.queries;

/** A request parameter the query cannot take: answered 400, naming the parameter and what was expected. */
public class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super("Parameter '" + parameter + "': " + message);
        this.parameter = parameter;
    }

    public String parameter() { return parameter; }
}
