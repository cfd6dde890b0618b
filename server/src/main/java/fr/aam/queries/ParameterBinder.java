package fr.aam.queries;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;

/**
 * Turns request values into RDF terms, checking each against its declared type. The terms are then given to Jena
 * (substitution or a VALUES block on the parsed query): a value with quotes, braces or newlines stays a value.
 */
public final class ParameterBinder {

    static final int MAX_STRING = 500;
    static final int MAX_VALUES = 200;

    private final Map<String, String> dataPrefixes;

    /** @param dataPrefixes the prefixes of the data files, accepted in IRI values besides the query's own */
    public ParameterBinder(Map<String, String> dataPrefixes) { this.dataPrefixes = Map.copyOf(dataPrefixes); }

    /**
     * @param raw     the request's values for this parameter (already split on commas for multi-valued ones)
     * @param allowed for class-restricted parameters, asks the store whether an IRI is an instance of the class
     */
    public List<Node> bind(QueryParam p, List<String> raw, Query query, BiPredicate<QueryParam, String> allowed) {
        if (raw.size() > 1 && !p.multi()) throw new BadParameterException(p.name(), "takes a single value");
        if (raw.size() > MAX_VALUES) throw new BadParameterException(p.name(), "at most " + MAX_VALUES + " values");
        List<Node> out = new ArrayList<>();
        for (String v : raw) out.add(toNode(p, v.trim(), query, allowed));
        return out;
    }

    private Node toNode(QueryParam p, String v, Query query, BiPredicate<QueryParam, String> allowed) {
        if (v.isEmpty()) throw new BadParameterException(p.name(), "empty value, expected " + p.type().expected());
        switch (p.type()) {
            case STRING -> {
                if (v.length() > MAX_STRING) throw new BadParameterException(p.name(), "longer than " + MAX_STRING + " characters");
                return NodeFactory.createLiteralString(v);
            }
            case INTEGER -> {
                try {
                    return NodeFactory.createLiteralDT(Long.toString(Long.parseLong(v)), XSDDatatype.XSDinteger);
                } catch (NumberFormatException e) {
                    throw new BadParameterException(p.name(), "expected " + p.type().expected() + ", got '" + abbreviate(v) + "'");
                }
            }
            case DATE -> {
                try {
                    return NodeFactory.createLiteralDT(LocalDate.parse(v).toString(), XSDDatatype.XSDdate);
                } catch (DateTimeParseException e) {
                    throw new BadParameterException(p.name(), "expected " + p.type().expected() + ", got '" + abbreviate(v) + "'");
                }
            }
            case IRI -> {
                PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(dataPrefixes)
                    .setNsPrefixes(query.getPrefixMapping());
                String iri = expand(v, prefixes);
                try {
                    IRIx parsed = IRIx.create(iri);
                    if (!parsed.isAbsolute()) throw new IRIException("not absolute");
                } catch (IRIException e) {
                    throw new BadParameterException(p.name(), "expected " + p.type().expected() + ", got '" + abbreviate(v) + "'");
                }
                if (p.valuesOf() != null && !allowed.test(p, iri)) {
                    throw new BadParameterException(p.name(), "expected an instance of <" + p.valuesOf() + ">, got <"
                        + abbreviate(iri) + "> (search the allowed values with GET /api/queries/{id}/parameters/" + p.name() + "/values?q=…)");
                }
                return NodeFactory.createURI(iri);
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * The one prefix expansion of the server (query parameters and query headers): {@code actor:le-centre} with the
     * given prefixes (Jena's expansion); a full IRI, or a name with an unknown prefix, comes back unchanged.
     */
    static String expand(String v, PrefixMapping prefixes) {
        if (v.startsWith("http://") || v.startsWith("https://") || v.startsWith("urn:")) return v;
        return prefixes.expandPrefix(v);
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }
}
