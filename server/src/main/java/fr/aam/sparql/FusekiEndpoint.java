package fr.aam.sparql;

import fr.aam.AamProperties;
import fr.aam.sparql.guard.FederationGate;
import fr.aam.sparql.guard.LinearRegex;
import fr.aam.sparql.guard.QueryGuard;
import fr.aam.store.DatasetSetup;
import fr.aam.store.ServedStore;
import jakarta.servlet.ServletContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.servlets.ActionService;
import org.apache.jena.fuseki.servlets.FusekiFilter;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Serves the SPARQL 1.1 Protocol with Fuseki's own dispatcher on Spring's port: the served generation of the store is
 * registered as {@code /sparql} with only read operations — query (through the public guard), and Graph Store
 * Protocol read — so no update is reachable. When a reload switches generations, the access point is replaced: new
 * requests go to the new data, requests in progress finish on the old.
 */
@Configuration
@org.springframework.context.annotation.Conditional(fr.aam.remote.RemoteEngineConfigured.Absent.class)   // not in remote mode
public class FusekiEndpoint {

    public static final String DATASET_NAME = "/sparql";
    private static final Logger log = LoggerFactory.getLogger(FusekiEndpoint.class);

    /** The port this server listens on, known once it has started: SERVICE may never call the server itself. */
    private final AtomicInteger ownPort = new AtomicInteger(-1);

    @Bean
    public ApplicationListener<WebServerInitializedEvent> ownPortListener() {
        return e -> ownPort.set(e.getWebServer().getPort());
    }

    /**
     * In the context of every served dataset: the query timeout, linear-time regex, the SERVICE policy, and top-N
     * sorting up to the row cap (ORDER BY with the LIMIT the guard adds keeps N rows in memory, not the whole input;
     * Jena's own disk spilling is left off: its cancellation waits for each spill to finish).
     */
    @Bean
    public DatasetSetup sparqlDatasetSetup(AamProperties props, FederationSettings federation, QueryLimits limits) {
        return context -> {
            context.set(ARQ.queryTimeout, Long.toString(props.queryTimeout().toMillis()));
            context.set(ARQ.topNSortingThreshold, (int) Math.min(Integer.MAX_VALUE, limits.maxRows() + 1));
            LinearRegex.install(context);
            FederationGate.install(context, federation, ownPort::get);
        };
    }

    @Bean
    public RunningQueries runningQueries() { return new RunningQueries(); }

    @Bean(destroyMethod = "close")
    public MemoryGuard memoryGuard(RunningQueries running, QueryLimits limits) {
        return new MemoryGuard(running, limits.memoryThreshold());
    }

    @Bean
    public SparqlRunner sparqlRunner(ServedStore store, AamProperties props, RunningQueries running) {
        return new LocalSparqlRunner(store, props.queryTimeout(), running);
    }

    @Bean
    public QueryGuard queryGuard(QueryLimits limits, FederationSettings federation) {
        return new QueryGuard(limits, federation.allowedEndpoints()::contains);
    }

    @Bean
    public ServletContextInitializer fusekiRegistries(ServedStore store, QueryGuard guard, RunningQueries running) {
        return (ServletContext ctx) -> {
            OperationRegistry operations = OperationRegistry.createStd();
            ActionService query = new GuardedQueryProcessor(guard, running);
            DataAccessPointRegistry registry = new DataAccessPointRegistry();
            registry.register(accessPoint(store.dataset(), query, operations));
            DataAccessPointRegistry.set(ctx, registry);
            OperationRegistry.set(ctx, operations);
            // Registry.put replaces the entry atomically (register refuses a name it knows).
            store.onSwitch(g -> registry.put(DATASET_NAME, accessPoint(g.dataset(), query, operations)));
        };
    }

    private static DataAccessPoint accessPoint(DatasetGraph dataset, ActionService query, OperationRegistry operations) {
        DataService service = DataService.newBuilder(dataset)
            .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName("").processor(query).build())
            .addEndpoint(Endpoint.create().operation(Operation.GSP_R).endpointName("")
                .processor(operations.findHandler(Operation.GSP_R)).build())
            .build();
        DataAccessPoint dap = new DataAccessPoint(DATASET_NAME, service);
        service.goActive();
        return dap;
    }

    @Bean
    public FilterRegistrationBean<FusekiFilter> fusekiFilter() {
        FilterRegistrationBean<FusekiFilter> reg = new FilterRegistrationBean<>(new FusekiFilter());
        reg.addUrlPatterns(DATASET_NAME, DATASET_NAME + "/*");
        reg.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return reg;
    }

    @Bean
    public ApplicationRunner announceEndpoint(Environment env) {
        return args -> log.info("SPARQL endpoint: http://localhost:{}{} — web page: http://localhost:{}/",
            env.getProperty("local.server.port", env.getProperty("server.port", "8080")), DATASET_NAME,
            env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
    }
}
