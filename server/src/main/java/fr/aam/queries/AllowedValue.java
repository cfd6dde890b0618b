package fr.aam.queries;

/** One value a class-restricted parameter may take: an instance of the class and its label. */
public record AllowedValue(String value, String label) {}
