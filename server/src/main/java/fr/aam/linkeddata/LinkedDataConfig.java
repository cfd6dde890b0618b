package fr.aam.linkeddata;

import fr.aam.Iris;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.QueryCatalog;
import fr.aam.sparql.SparqlRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the linked-data views: resource pages, class indexes, the ontology's documentation, the site's search. */
@Configuration
public class LinkedDataConfig {

    @Bean
    public PageQueries pageQueries(Iris iris) { return PageQueries.load(iris); }

    @Bean
    public ResourceViews resourceViews(SparqlRunner runner, Iris iris, QueryCatalog catalog, PageQueries queries) {
        return new ResourceViews(runner, iris, catalog, queries);
    }

    @Bean
    public CollectionIndex collectionIndex(SparqlRunner runner, Iris iris, PageQueries queries) {
        return new CollectionIndex(runner, iris, queries);
    }

    @Bean
    public SiteSearch siteSearch(CannedQueryService queries, SparqlRunner runner, Iris iris, PageQueries pageQueries) {
        return new SiteSearch(queries, runner, iris, pageQueries);
    }

    @Bean
    public OntologyDocs ontologyDocs(SparqlRunner runner, Iris iris, PageQueries queries) {
        return new OntologyDocs(runner, iris, queries);
    }
}
