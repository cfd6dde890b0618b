package fr.aam.queries;

import java.util.Map;

/**
 * A text a person reads, in French (the default) and in English, as written in a query's metadata header
 * ({@code {fr: …, en: …}}). Served as the JSON object {@code {"fr": …, "en": …}}.
 */
public record Text(String fr, String en) {

    public Text {
        if (fr == null || fr.isBlank() || en == null || en.isBlank()) throw new IllegalArgumentException("needs fr and en");
        fr = fr.strip();
        en = en.strip();
    }

    /** The text in {@code language} ("en"), French otherwise. */
    public String in(String language) { return "en".equals(language) ? en : fr; }

    /** Reads {@code {fr: …, en: …}} from the YAML header; {@code what} names the field in the error message. */
    static Text read(Object yaml, String file, String what) {
        if (!(yaml instanceof Map<?, ?> m)) {
            throw new IllegalStateException(file + ": " + what + " must be {fr: …, en: …}" + (yaml == null ? " (missing)" : ""));
        }
        Object fr = m.get("fr");
        Object en = m.get("en");
        if (fr == null || en == null || fr.toString().isBlank() || en.toString().isBlank()) {
            throw new IllegalStateException(file + ": " + what + " needs both fr and en");
        }
        return new Text(fr.toString(), en.toString());
    }
}
