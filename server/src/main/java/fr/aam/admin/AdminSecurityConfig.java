package fr.aam.admin;

import fr.aam.web.errors.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Who may use the admin API: one maintainer account, HTTP Basic over a bcrypt hash from the configuration. The chain
 * covers {@code /admin/**} (only when an account is configured: otherwise those paths do not exist and answer 404)
 * and the actuator, whose health details are shown to the maintainer only. Failed logins are logged with the user
 * name and address, never the password, and an address that fails too often is held off for a while.
 */
@Configuration
public class AdminSecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurityConfig.class);
    static final String REALM = "attractivite-autonomie admin";

    @Bean
    @Order(1)
    public SecurityFilterChain adminChain(HttpSecurity http, AdminSettings settings, ProblemWriter problems) throws Exception {
        String[] paths = settings.enabled() ? new String[] {"/admin/**", "/actuator/**"} : new String[] {"/actuator/**"};
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        http.securityMatcher(paths)
            .authorizeHttpRequests(a -> a
                // what the actuator exposes at all is its exposure setting (health, info, sbom); others answer 404
                .requestMatchers("/actuator/**").permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().denyAll())
            .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint((request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                problems.write(request, response, 401, "Identifiants requis ou refusés / credentials required or refused");
            }))
            .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                problems.write(request, response, 403, "Accès refusé / access denied")))
            // not a bean: Spring Boot would also register a Filter bean for every request
            .addFilterBefore(new LoginThrottle(problems), BasicAuthenticationFilter.class)
            .csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(c -> c.disable());
        return http.build();
    }

    /** The one account, or none: an empty user store keeps Spring Boot from generating a default password. */
    @Bean
    public UserDetailsService adminAccount(AdminSettings settings) {
        if (!settings.enabled()) return new InMemoryUserDetailsManager();
        return new InMemoryUserDetailsManager(User.withUsername(settings.username()).password(settings.passwordHash())
            .roles("ADMIN").build());
    }

    @Bean
    public PasswordEncoder passwordEncoder() { return new BCryptPasswordEncoder(); }

    @EventListener
    public void loginFailed(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        log.warn("Admin login refused for user '{}' ({}): {}", event.getAuthentication().getName(),
            details, event.getException().getClass().getSimpleName());
    }
}
