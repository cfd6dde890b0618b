package fr.aam;

import java.net.URI;

/**
 * Every public IRI of the dataset, derived in this one place from {@code aam.base-iri}: resources
 * {@code <base>id/…}, the ontology {@code <base>def} and its terms {@code <base>def#Term}, the named graphs
 * {@code <base>graph/<file>} (one per file of ontology/ and data/) and the store's metadata graph. It also maps those
 * IRIs to paths of this server, so that the pages can be browsed before the w3id redirect points here.
 *
 * @param base the configured base, ending with '/'
 */
public record Iris(String base) {

    public Iris {
        if (base == null || !base.endsWith("/")) throw new IllegalArgumentException("aam.base-iri must end with '/': " + base);
    }

    /** {@code <base>id/}: every resource of the dataset lives below. */
    public String id() { return base + "id/"; }

    public String id(String path) { return id() + path; }

    /** The dataset described by data/dataset.ttl (VoID, DCAT) and by the statistics of each load. */
    public String dataset() { return id("dataset"); }

    /** The ontology document, {@code <base>def}. */
    public String ontology() { return base + "def"; }

    /** Namespace of the ontology's terms ({@code aam:}). */
    public String termNamespace() { return ontology() + "#"; }

    public String term(String localName) { return termNamespace() + localName; }

    public String graphBase() { return base + "graph/"; }

    /** The named graph of a file of ontology/ or data/, by its name without extension. */
    public String graph(String fileName) { return graphBase() + fileName; }

    /** The graph holding the ontology (ontology/attractivite.ttl). */
    public String ontologyGraph() { return graph("attractivite"); }

    /** The graph holding the SHACL shapes (ontology/shapes.ttl). */
    public String shapesGraph() { return graph("shapes"); }

    /** The graph the store writes its own records into: the data's hash and the statistics of the load. */
    public String metaGraph() { return graph("meta"); }

    /** The store itself in the metadata graph: its triple count and the data's hash. */
    public String metaStore() { return metaGraph() + "#store"; }

    /** The property of the data's hash in the metadata graph (the store's loader writes it, remote mode reads it). */
    public String contentHash() { return metaGraph() + "#contentHash"; }

    public boolean isOurs(String iri) { return iri != null && iri.startsWith(base); }

    /**
     * The path of this server that answers for an IRI of the dataset ({@code /id/actor/x}, {@code /def#Actor}), or
     * the IRI itself when it is not ours.
     */
    public String href(String iri) { return isOurs(iri) ? "/" + iri.substring(base.length()) : iri; }

    /** The IRI a request path stands for ({@code /id/actor/x} → {@code <base>id/actor/x}). */
    public String iriOfPath(String path) { return base + (path.startsWith("/") ? path.substring(1) : path); }

    /** The document an IRI belongs to: the IRI without its fragment ({@code <base>def#Actor} → {@code <base>def}). */
    public static String document(String iri) {
        int hash = iri.indexOf('#');
        return hash < 0 ? iri : iri.substring(0, hash);
    }

    /** Checks that the base is an absolute http(s) IRI, at start, rather than producing broken links later. */
    public Iris checked() {
        URI u = URI.create(base);
        if (!u.isAbsolute() || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
            throw new IllegalArgumentException("aam.base-iri must be an absolute http(s) IRI: " + base);
        }
        return this;
    }
}
