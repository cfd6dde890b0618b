package fr.aam.admin;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a password hash is configured for the admin account: only then does the admin API exist. */
public final class AdminConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String hash = context.getEnvironment().getProperty("aam.admin.password-hash");
        return hash != null && !hash.isBlank();
    }
}
