package fr.aam.store;

import java.nio.file.Path;

/** One Turtle file of ontology/ or data/ and the named graph it is loaded into. */
public record SourceFile(Path path, String graphIri) {
    @Override public String toString() { return path.toString(); }
}
