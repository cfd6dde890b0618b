package fr.aam.queries;

import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.RunningQueries;
import fr.aam.store.ServedStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the answers computed ahead ({@link AnswerWarmup}) on the embedded store: once the server is ready (not before:
 * start-up stays independent of the data) and after each switch to new data. It depends on the store, so it is stopped
 * before the store closes. In remote mode there is no store, and nothing is kept.
 */
@Configuration
@Conditional(fr.aam.remote.RemoteEngineConfigured.Absent.class)
public class AnswersAheadConfig {

    @Bean(destroyMethod = "close")
    public AnswerWarmup answerWarmup(CannedQueryService service, AnswerSettings settings, ServedStore store,
                                     RunningQueries running) {
        // its own runner: the same store, its queries seen by the memory guard too, a load-time timeout
        RunningQueries own = new RunningQueries(running);
        LocalSparqlRunner ahead = new LocalSparqlRunner(store, settings.warmUpTimeout(), own);
        AnswerWarmup warmup = new AnswerWarmup(service.runBy(ahead), ahead::dataVersion, own);
        if (settings.warmUp()) store.onSwitch(g -> warmup.start());
        return warmup;
    }

    /** The answers computed ahead, stored in the served generation's directory: retired with it, read for it only. */
    @Bean
    public StoredAnswers storedAnswers(ServedStore store) {
        return new StoredAnswers(version -> {
            var generation = store.current();
            return generation != null && generation.name().equals(version) ? generation.dir().resolve("answers") : null;
        });
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> answersAheadAtStart(AnswerWarmup warmup, AnswerSettings settings) {
        return e -> { if (settings.warmUp()) warmup.start(); };
    }
}
