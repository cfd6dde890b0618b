package fr.aam.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A server started on a store another server has open is an operator's slip, not a bug: said in two lines at start
 * ("APPLICATION FAILED TO START", what happened, what to do) instead of a stack trace. Registered in
 * {@code META-INF/spring.factories}, as Spring Boot's own failure analyzers are.
 */
public class StoreInUseFailureAnalyzer extends AbstractFailureAnalyzer<StoreInUseException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
            "Stop the other server, or start this one with its own store (--aam.store=… or AAM_STORE).", cause);
    }
}
