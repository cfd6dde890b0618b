package fr.aam.remote;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when {@code aam.remote.query-endpoint} is set (not blank): the application then runs on the remote engine and
 * the embedded store's beans (TDB2, its loader, Fuseki's /sparql) are not created. {@link Absent} is the reverse, for
 * those beans.
 */
public final class RemoteEngineConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(RemoteProperties.QUERY_ENDPOINT));
    }

    /** No remote engine configured: the embedded TDB2 store serves. */
    public static final class Absent implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(RemoteProperties.QUERY_ENDPOINT));
        }
    }
}
