package fr.aam.web;

import fr.aam.AamProperties;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.ParameterValues;
import fr.aam.queries.QueryCatalog;
import fr.aam.sparql.SparqlRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the canned-query catalogue (parsed and dry-run at start, after the store is loaded). */
@Configuration
public class QueryApiConfig {

    @Bean
    public QueryCatalog queryCatalog(AamProperties props, SparqlRunner runner) {   // the runner exists once the data is loaded
        return QueryCatalog.load(props.queriesDir(), runner);
    }

    @Bean
    public ParameterValues parameterValues(SparqlRunner runner) { return new ParameterValues(runner); }

    @Bean
    public CannedQueryService cannedQueryService(QueryCatalog catalog, SparqlRunner runner, ParameterValues values,
                                                 AamProperties props) {
        return new CannedQueryService(catalog, runner, values, props.maxPageSize());
    }
}
