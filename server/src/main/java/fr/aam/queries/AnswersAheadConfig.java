package fr.aam.queries;

import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.RunningQueries;
import fr.aam.store.ServedStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the answers computed ahead ({@link AnswerWarmup}) on the embedded store: once the server is ready (not before:
 * start-up stays independent of the data) and after each switch to new data. In remote mode there is no store, and
 * nothing is kept.
 */
@Configuration
public class AnswersAheadConfig {

    @Bean(destroyMethod = "close")
    public AnswerWarmup answerWarmup(CannedQueryService service, AnswerSettings settings,
                                     ObjectProvider<ServedStore> store, ObjectProvider<RunningQueries> running) {
        ServedStore served = store.getIfAvailable();
        if (served == null || !settings.warmUp()) return new AnswerWarmup(service, () -> null);
        // its own runner: the same store and the same guard (MemoryGuard stops it too), a load-time timeout
        LocalSparqlRunner ahead = new LocalSparqlRunner(served, settings.warmUpTimeout(), running.getObject());
        AnswerWarmup warmup = new AnswerWarmup(service.runBy(ahead), ahead::dataVersion);
        served.onSwitch(g -> warmup.start());
        return warmup;
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> answersAheadAtStart(AnswerWarmup warmup) {
        return e -> warmup.start();
    }
}
