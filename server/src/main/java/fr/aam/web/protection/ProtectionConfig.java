package fr.aam.web.protection;

import fr.aam.sparql.QueryLimits;
import fr.aam.web.errors.ProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters that keep one request from taking the server down, in order: well-formed headers, parameters and
 * body size, then
 * admission (503 past the concurrency cap), then — on {@code /sparql}, just before Fuseki — problem documents and the
 * response size cap. Spring Security's headers and the admin API come before all of them.
 */
@Configuration
public class ProtectionConfig {

    @Bean
    public FilterRegistrationBean<RequestChecksFilter> requestChecksFilter(QueryLimits limits, ProblemWriter problems) {
        FilterRegistrationBean<RequestChecksFilter> reg = new FilterRegistrationBean<>(new RequestChecksFilter(limits, problems));
        reg.setOrder(Ordered.LOWEST_PRECEDENCE - 40);
        return reg;
    }

    @Bean
    public FilterRegistrationBean<QueryAdmissionFilter> queryAdmissionFilter(QueryLimits limits, ProblemWriter problems) {
        FilterRegistrationBean<QueryAdmissionFilter> reg = new FilterRegistrationBean<>(new QueryAdmissionFilter(limits, problems));
        reg.setOrder(Ordered.LOWEST_PRECEDENCE - 30);
        return reg;
    }

    @Bean
    public FilterRegistrationBean<SparqlResponseFilter> sparqlResponseFilter(QueryLimits limits, ProblemWriter problems) {
        FilterRegistrationBean<SparqlResponseFilter> reg = new FilterRegistrationBean<>(new SparqlResponseFilter(limits, problems));
        reg.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return reg;
    }
}
