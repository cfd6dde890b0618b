package fr.aam.queries;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of value a canned-query parameter accepts. */
public enum ParamType {
    IRI("an IRI (full, or prefixed like actor:le-centre)"),
    STRING("a text"),
    INTEGER("an integer"),
    DATE("a date YYYY-MM-DD");

    private final String expected;
    ParamType(String expected) { this.expected = expected; }
    public String expected() { return expected; }

    /** As written in the metadata header and served in the catalogue: iri, string, integer, date. */
    @JsonValue
    public String id() { return name().toLowerCase(Locale.ROOT); }
}
