package fr.aam.sparql.guard;

import fr.aam.sparql.FederationSettings;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Decides, when a query runs, whether a {@code SERVICE} call may leave the server: only to an endpoint of the
 * allow-list, over http(s), never to the server itself, and — unless explicitly allowed for tests — never to a
 * loopback, link-local or private address (checked on the resolved addresses). Calls go through an HTTP client that
 * does not follow redirects, with connect and read timeouts, and at most a few at a time. The static check of
 * {@link AlgebraCheck} refuses most bad SERVICE clauses before they run; this is the second line.
 */
public final class FederationGate implements ChainingServiceExecutor {

    private final Set<String> allowed;
    private final boolean allowPrivate;
    private final IntSupplier ownPort;
    private final Semaphore inFlight;
    private final long readTimeoutMillis;

    public FederationGate(FederationSettings settings, IntSupplier ownPort) {
        this.allowed = Set.copyOf(settings.allowedEndpoints());
        this.allowPrivate = settings.allowPrivateAddresses();
        this.ownPort = ownPort;
        this.inFlight = new Semaphore(settings.maxConcurrent());
        this.readTimeoutMillis = settings.readTimeout().toMillis();
    }

    /** Sets SERVICE up in a dataset's context: on only when the allow-list is not empty, and through this gate. */
    public static void install(Context context, FederationSettings settings, IntSupplier ownPort) {
        FederationGate gate = new FederationGate(settings, ownPort);
        context.set(ARQ.httpServiceAllowed, settings.enabled());
        context.set(ARQ.httpQueryTimeout, settings.readTimeout().toMillis());
        context.set(ARQ.httpQueryClient, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.connectTimeout()).build());
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.add(ServiceExecutorRegistry.httpService);
        registry.addSingleLink(gate);
        ServiceExecutorRegistry.set(context, registry);
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        if (!opExecute.getService().isURI()) throw new QueryExecException("SERVICE endpoint not bound");
        String endpoint = opExecute.getService().getURI();
        check(endpoint);
        boolean acquired;
        try {
            acquired = inFlight.tryAcquire(readTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryExecException("SERVICE call interrupted");
        }
        if (!acquired) throw new QueryDeniedException("Too many federated calls in progress: try again later");
        try {
            // The HTTP executor materialises the remote answer before returning, so the slot is free after it.
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        } finally {
            inFlight.release();
        }
    }

    /** Throws unless the endpoint may be called now. */
    public void check(String endpoint) {
        if (!allowed.contains(endpoint)) throw new QueryDeniedException("SERVICE <" + endpoint + "> is not allowed");
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new QueryExecException("SERVICE endpoint is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new QueryDeniedException("SERVICE endpoints must be http(s)");
        if (uri.getHost() == null) throw new QueryExecException("SERVICE endpoint has no host");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new QueryExecException("SERVICE endpoint host is unknown");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        for (InetAddress a : addresses) {
            boolean local = isLocal(a);
            if (local && port == ownPort.getAsInt()) throw new QueryDeniedException("SERVICE may not call this server itself");
            if (local && !allowPrivate) throw new QueryDeniedException("SERVICE may not call a loopback, link-local or private address");
        }
    }

    static boolean isLocal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
            || a.isMulticastAddress()) return true;
        // IPv6 unique local addresses (fc00::/7) are private too; Java's isSiteLocalAddress only knows fec0::/10.
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }
}
