package fr.aam.linkeddata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms a definition cites by prefixed name ({@code aam:quote}, {@code prov:agent}): written for the ontology's
 * readers who query it, they are shown to people as the term's name, linked to the term. Only the prefixes the data
 * declares are read as names; anything else stays text.
 */
final class TermMentions {

    /** A piece of a text: plain text, or a term it cites ({@code iri} set, {@code text} its prefixed name). */
    record Part(String text, String iri) {}

    private static final Pattern PREFIXED = Pattern.compile("\\b([a-z][a-z0-9]*):([A-Za-z][A-Za-z0-9_]*)");

    private final Map<String, String> prefixes;

    TermMentions(Map<String, String> prefixes) { this.prefixes = prefixes; }

    List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null) return parts;
        Matcher m = PREFIXED.matcher(text);
        int from = 0;
        while (m.find()) {
            String ns = prefixes.get(m.group(1));
            if (ns == null) continue;
            if (m.start() > from) parts.add(new Part(text.substring(from, m.start()), null));
            parts.add(new Part(m.group(), ns + m.group(2)));
            from = m.end();
        }
        if (from < text.length()) parts.add(new Part(text.substring(from), null));
        return parts;
    }
}
