package fr.aam.sparql.guard;

import java.nio.charset.StandardCharsets;

/**
 * Checks a query's text before it reaches the parser: its size, and how deeply its brackets nest. The SPARQL parser
 * is recursive: 20,000 nested parentheses overflow its stack, so nesting is measured here, by a scan that skips
 * strings, IRIs and comments.
 */
public final class QueryTextCheck {

    private final long maxBytes;
    private final int maxNesting;

    public QueryTextCheck(long maxBytes, int maxNesting) {
        this.maxBytes = maxBytes;
        this.maxNesting = maxNesting;
    }

    public void check(String text) {
        if (text == null || text.isBlank()) throw new QueryRefusedException(400, "Requête vide / empty query");
        long bytes = text.length() > maxBytes / 4 ? text.getBytes(StandardCharsets.UTF_8).length : text.length();
        if (bytes > maxBytes) {
            throw new QueryRefusedException(413, "Requête trop longue : " + bytes + " octets, au plus " + maxBytes
                + " / query too large: " + bytes + " bytes, at most " + maxBytes);
        }
        int depth = nesting(text);
        if (depth > maxNesting) {
            throw new QueryRefusedException(400, "Requête trop imbriquée : plus de " + maxNesting
                + " niveaux de parenthèses, crochets ou accolades / query nested too deeply: more than " + maxNesting
                + " levels of brackets");
        }
    }

    /** Deepest nesting of ( [ { outside strings, IRIs and comments; stops counting once past the limit. */
    int nesting(String s) {
        int depth = 0;
        int max = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '(', '[', '{' -> {
                    depth++;
                    if (depth > max) max = depth;
                    if (max > maxNesting) return max;
                }
                case ')', ']', '}' -> { if (depth > 0) depth--; }
                case '#' -> { while (i < n && s.charAt(i) != '\n') i++; }
                case '"', '\'' -> i = skipString(s, i);
                case '<' -> i = skipIri(s, i);
                default -> { }
            }
        }
        return max;
    }

    /** Index of the last character of the string literal opening at {@code i} (short or long form, with escapes). */
    private static int skipString(String s, int i) {
        char q = s.charAt(i);
        boolean longForm = i + 2 < s.length() && s.charAt(i + 1) == q && s.charAt(i + 2) == q;
        int j = longForm ? i + 3 : i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') { j += 2; continue; }
            if (c == q) {
                if (!longForm) return j;
                if (j + 2 < s.length() && s.charAt(j + 1) == q && s.charAt(j + 2) == q) return j + 2;
            } else if (!longForm && (c == '\n' || c == '\r')) {
                return j;
            }
            j++;
        }
        return s.length();
    }

    /** An IRI is {@code <…>} without spaces; a lone {@code <} is the less-than operator and is left alone. */
    private static int skipIri(String s, int i) {
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '>') return j;
            if (Character.isWhitespace(c) || c == '<' || c == '"' || c == '{' || c == '}') return i;
        }
        return i;
    }
}
