package fr.aam.linkeddata;

import fr.aam.Iris;
import fr.aam.sparql.InternalQueries;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;

/**
 * The queries of the linked-data pages (resources/sparql/pages/), parsed once at start; {@code aam:} is supplied from
 * {@code aam.base-iri}. Callers clone a query before changing it (VALUES, LIMIT).
 */
public record PageQueries(Query describe, Query outgoing, Query inboundAll, Query context, Query neighbours, Query labels, Query inboundGroups,
                          Query inbound, Query participations, Query linkTargets, Query graphExists, Query graphContent,
                          Query collections, Query collectionMembers, Query ontologyTerms, Query useCounts,
                          TermLabels terms) {

    public static PageQueries load(Iris iris) {
        PrefixMapping aam = PrefixMapping.Factory.create().setNsPrefix("aam", iris.termNamespace());
        return new PageQueries(q("describe", aam), q("outgoing", aam), q("inbound-all", aam), q("context", aam), q("neighbours", aam), q("labels", aam),
            q("inbound-groups", aam), q("inbound", aam), q("participations", aam), q("link-targets", aam),
            q("graph-exists", aam), InternalQueries.load("graph-content.rq"), q("collections", aam),
            q("collection-members", aam), q("ontology-terms", aam), q("use-counts", aam), TermLabels.load());
    }

    private static Query q(String name, PrefixMapping aam) { return InternalQueries.load("pages/" + name + ".rq", aam); }
}
