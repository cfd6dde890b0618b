package fr.aam.web.conneg;

import java.util.List;

/** A {@code format=} value that names none of the formats offered here: answered 400, listing them. */
public class UnknownFormatException extends RuntimeException {
    private final transient List<Format> available;

    public UnknownFormatException(String value, List<Format> available) {
        super("Parameter 'format': expected one of " + available.stream().map(Format::token).toList() + ", got '"
            + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        this.available = List.copyOf(available);
    }

    public List<Format> available() { return available; }
}
