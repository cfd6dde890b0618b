package fr.aam.store;

import java.nio.file.Path;

/**
 * One file of ontology/ or data/ and the named graph it is loaded into (null for TriG: the file names its graphs).
 *
 * @param name the path relative to the working copy, as reports show it ({@code data/levers.ttl})
 * @param role what the file is for the validation: the shapes, context every data file may refer to, or data
 */
public record SourceFile(Path path, String name, String graphIri, Role role) {

    public enum Role { SHAPES, CONTEXT, DATA }

    @Override public String toString() { return name; }
}
