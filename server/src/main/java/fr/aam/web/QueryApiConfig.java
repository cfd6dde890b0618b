package fr.aam.web;

import fr.aam.AamProperties;
import fr.aam.queries.AnswerSettings;
import fr.aam.queries.AnswerWarmup;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.ParameterValues;
import fr.aam.queries.QueryCatalog;
import fr.aam.sparql.SparqlRunner;
import fr.aam.store.ServedStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the canned-query catalogue (parsed at start; nothing runs on the store before the server is ready) and the
 * answers kept per data version, computed ahead once the server is ready and after each reload.
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
                                                 AamProperties props, AnswerSettings answers) {
        return new CannedQueryService(catalog, runner, values, props.maxPageSize(), answers.keptRows());
    }

    @Bean
    public AnswerWarmup answerWarmup(CannedQueryService service, SparqlRunner runner, AnswerSettings answers,
                                     ObjectProvider<ServedStore> store) {
        AnswerWarmup warmup = new AnswerWarmup(service, runner::dataVersion);
        if (answers.warmUp()) store.ifAvailable(s -> s.onSwitch(g -> warmup.start()));
        return warmup;
    }

    /** Computes the first answers once the server answers (not before: start-up stays independent of the data). */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> answersAtStart(AnswerWarmup warmup, AnswerSettings answers) {
        return e -> { if (answers.warmUp()) warmup.start(); };
    }
}
