package fr.aam.queries;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the allowed values of a class-restricted parameter are grouped in the page's combobox, each grouping one
 * internal query of resources/sparql/ ({@code value-groups-*.rq}) run on the values found.
 */
public enum ValueGrouping {
    /** No groups. */
    NONE,
    /** By the value's most specific class (Initiative, Mesure…; Commune, Zone locale…). */
    TYPE,
    /** By the source document the value comes from (a value found in several documents is in each group). */
    DOCUMENT,
    /** By the broader concept (a lever's family). */
    BROADER;

    @JsonValue
    public String id() { return name().toLowerCase(Locale.ROOT); }

    String queryFile() { return "value-groups-" + id() + ".rq"; }

    static ValueGrouping of(Object yaml, String file) {
        if (yaml == null) return NONE;
        try {
            return valueOf(yaml.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": groupBy must be none, type, document or broader");
        }
    }
}
