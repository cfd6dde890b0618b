package fr.aam.store;

import java.nio.file.Path;

/** One file of ontology/ or data/ and the named graph it is loaded into (null for TriG: the file names its graphs). */
public record SourceFile(Path path, String graphIri) {
    @Override public String toString() { return path.toString(); }
}
