package fr.aam.web;

import fr.aam.AamProperties;
import fr.aam.queries.AnswerSettings;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.ParameterValues;
import fr.aam.queries.QueryCatalog;
import fr.aam.queries.StoredAnswers;
import fr.aam.sparql.SparqlRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the canned-query catalogue (parsed at start; nothing runs on the store before the server is ready) and the
 * service that runs it, with the answers it keeps per data version ({@code aam.answers.kept-rows}).
 */
@Configuration
public class QueryApiConfig {

    @Bean
    public QueryCatalog queryCatalog(AamProperties props) {
        return QueryCatalog.read(props.queriesDir());
    }

    @Bean
    public ParameterValues parameterValues(SparqlRunner runner) { return new ParameterValues(runner); }

    @Bean
    public CannedQueryService cannedQueryService(QueryCatalog catalog, SparqlRunner runner, ParameterValues values,
                                                 AamProperties props, AnswerSettings answers,
                                                 ObjectProvider<StoredAnswers> stored) {
        // answers are stored with the embedded store's generations (AnswersAheadConfig); none in remote mode
        return new CannedQueryService(catalog, runner, values, props.maxPageSize(), answers.keptRows(),
            stored.getIfAvailable(StoredAnswers::none));
    }
}
