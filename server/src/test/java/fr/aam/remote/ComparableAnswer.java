package fr.aam.remote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

/**
 * The rows of a SELECT answer in a form two engines can be compared on: a sorted list of rows, each value written as
 * its IRI or its literal's lexical form (numbers by value). What SPARQL leaves to the engine is normalised: the order
 * of the parts of a GROUP_CONCAT (sorted) and the value a SAMPLE picks (left out). An engine's documented
 * {@link Deviation}s are normalised too, on both sides, only for the queries a test names.
 */
final class ComparableAnswer {

    private ComparableAnswer() {}

    static List<String> of(Query query, RowSet rows, Set<Deviation> deviations) {
        Map<Var, String> separators = new HashMap<>();
        List<Var> vars = new ArrayList<>();
        for (Var v : rows.getResultVars().stream().map(Var::alloc).toList()) {
            Expr e = query.getProject().getExpr(v) != null ? query.getProject().getExpr(v) : new ExprVar(v);
            Aggregator agg = aggregatorOf(query, e);
            if (agg instanceof AggSample) continue;
            if (agg instanceof AggGroupConcat gc) separators.put(v, gc.getSeparator() == null ? " " : gc.getSeparator());
            if (agg instanceof AggGroupConcatDistinct gc) separators.put(v, gc.getSeparator() == null ? " " : gc.getSeparator());
            vars.add(v);
        }
        List<String> out = new ArrayList<>();
        rows.forEachRemaining(b -> out.add(row(b, vars, separators, deviations)));
        out.sort(null);
        return deviations.contains(Deviation.BAG_UNION_OF_GRAPHS) ? out.stream().distinct().toList() : out;
    }

    /** The aggregate that computes {@code e}'s variable, in the query or in one of its sub-queries. */
    private static Aggregator aggregatorOf(Query query, Expr e) {
        if (e instanceof ExprAggregator agg) return agg.getAggregator();
        Var v = e == null ? null : e.isVariable() ? e.asVar() : null;
        if (v == null) return null;
        for (var agg : query.getAggregators()) if (agg.getVar().equals(v)) return agg.getAggregator();
        Aggregator[] found = {null};
        if (query.getQueryPattern() != null) ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override public void visit(ElementSubQuery sub) {
                Query q = sub.getQuery();
                if (found[0] == null && q.getProject().contains(v)) found[0] = aggregatorOf(q, q.getProject().getExpr(v) != null ? q.getProject().getExpr(v) : new ExprVar(v));
            }
        });
        return found[0];
    }

    private static String row(Binding b, List<Var> vars, Map<Var, String> separators, Set<Deviation> deviations) {
        StringBuilder sb = new StringBuilder();
        for (Var v : vars) {
            Node n = b.get(v);
            String value = n == null ? "" : value(n, deviations);
            String sep = separators.get(v);
            if (sep != null && !value.isEmpty()) {
                String[] parts = value.split(java.util.regex.Pattern.quote(sep));
                Arrays.sort(parts);
                value = String.join(sep, parts);
            }
            sb.append(v.getVarName()).append('=').append(value).append(" | ");
        }
        return sb.toString();
    }

    private static String value(Node n, Set<Deviation> deviations) {
        if (n.isURI()) return "<" + n.getURI() + ">";
        if (n.isLiteral()) {
            Object v = n.getLiteralValue();
            if (v instanceof Boolean bool && deviations.contains(Deviation.BOOLEANS_AS_INTEGERS)) return bool ? "1" : "0";
            if (v instanceof Number num) return new java.math.BigDecimal(num.toString()).stripTrailingZeros().toPlainString();
            return n.getLiteralLexicalForm() + (n.getLiteralLanguage().isEmpty() ? "" : "@" + n.getLiteralLanguage().toLowerCase());
        }
        return "_:blank";
    }
}
