package fr.aam.queries;

/** The kinds of value a canned-query parameter accepts. */
public enum ParamType {
    IRI("an IRI (full, or prefixed like actor:le-centre)"),
    STRING("a text"),
    INTEGER("an integer"),
    DATE("a date YYYY-MM-DD");

    private final String expected;
    ParamType(String expected) { this.expected = expected; }
    public String expected() { return expected; }
}
