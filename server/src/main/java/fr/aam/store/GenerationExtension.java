package fr.aam.store;

import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Something built with each generation of the store, from its data, before the generation is served — the text
 * index, statistics. Built beside the data in the generation's folder, it is switched in and out with it, so it can
 * never be out of step with the data it describes. Other packages provide these as beans.
 */
public interface GenerationExtension {

    /**
     * Builds from the freshly loaded data (a TDB2 dataset, writable) into {@code generationDir}. The extensions of a
     * generation are built at the same time, each on its own thread, beside the SHACL validation: an extension reads
     * the data's named graphs and writes only its own files or the store's metadata graph, which no other extension
     * reads — so that what each builds does not depend on which finished first.
     */
    void build(DatasetGraph data, Path generationDir);

    /** The dataset served for the generation, e.g. wrapped with its text index; the data itself by default. */
    default DatasetGraph wrap(DatasetGraph data, Path generationDir) { return data; }
}
