package fr.aam.linkeddata;

/** The page texts (messages.properties) in the page's language, for what a view builder writes itself. */
@FunctionalInterface
public interface Texts {
    String get(String key, Object... args);
}
