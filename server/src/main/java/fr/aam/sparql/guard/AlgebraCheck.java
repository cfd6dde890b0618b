package fr.aam.sparql.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExtendAssign;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProcedure;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.Path;

/**
 * Checks a parsed query's algebra before it runs: how deep its operator, expression and property-path trees go (the
 * engine walks them recursively: a chain of 5,000 OPTIONALs or a 5,000-term sum would overflow its stack), which
 * {@code SERVICE} endpoints it calls, and that it calls no Java class by IRI ({@code <java:…>} functions load any class
 * on the class path). The walk itself is iterative, so a deep tree cannot overflow it.
 */
public final class AlgebraCheck {

    private static final String JAVA_SCHEME = "java:";

    private final int maxDepth;
    private final Predicate<String> serviceAllowed;

    /** @param serviceAllowed which SERVICE endpoint IRIs may be called (the federation allow-list) */
    public AlgebraCheck(int maxDepth, Predicate<String> serviceAllowed) {
        this.maxDepth = maxDepth;
        this.serviceAllowed = serviceAllowed;
    }

    public Op check(Query query) {
        Op op;
        try {
            op = Algebra.compile(query);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
        walk(op);
        return op;
    }

    private record Entry(Object node, int depth) {}

    private void walk(Op root) {
        Deque<Entry> todo = new ArrayDeque<>();
        todo.push(new Entry(root, 1));
        while (!todo.isEmpty()) {
            Entry e = todo.pop();
            if (e.depth > maxDepth) throw tooDeep();
            int d = e.depth + 1;
            if (e.node instanceof Op op) visitOp(op, d, todo);
            else if (e.node instanceof Expr expr) visitExpr(expr, d, todo);
            else if (e.node instanceof Path path) visitPath(path, d, todo);
        }
    }

    private void visitOp(Op op, int d, Deque<Entry> todo) {
        if (op instanceof OpService s) checkService(s.getService());
        if (op instanceof Op1 o) todo.push(new Entry(o.getSubOp(), d));
        if (op instanceof Op2 o) { todo.push(new Entry(o.getLeft(), d)); todo.push(new Entry(o.getRight(), d)); }
        if (op instanceof OpN o) o.getElements().forEach(x -> todo.push(new Entry(x, d)));
        if (op instanceof OpFilter o) exprs(o.getExprs(), d, todo);
        if (op instanceof OpLeftJoin o && o.getExprs() != null) exprs(o.getExprs(), d, todo);
        if (op instanceof OpExtendAssign o) o.getVarExprList().getExprs().values().forEach(x -> todo.push(new Entry(x, d)));
        if (op instanceof OpGroup o) {
            o.getGroupVars().getExprs().values().forEach(x -> todo.push(new Entry(x, d)));
            o.getAggregators().forEach(x -> todo.push(new Entry(x, d)));
        }
        if (op instanceof OpOrder o) o.getConditions().forEach(c -> todo.push(new Entry(c.getExpression(), d)));
        if (op instanceof OpTopN o) o.getConditions().forEach(c -> todo.push(new Entry(c.getExpression(), d)));
        if (op instanceof OpProcedure o) { checkIri(o.getURI()); exprs(o.getArgs(), d, todo); }
        if (op instanceof OpPropFunc o) checkIri(o.getProperty());
        if (op instanceof OpBGP o) o.getPattern().forEach(t -> checkIri(t.getPredicate()));
        if (op instanceof OpQuadPattern o) o.getPattern().forEach((Quad q) -> checkIri(q.getPredicate()));
        if (op instanceof OpTriple o) checkIri(o.getTriple().getPredicate());
        if (op instanceof OpPath o) todo.push(new Entry(o.getTriplePath().getPath(), d));
    }

    private void visitExpr(Expr expr, int d, Deque<Entry> todo) {
        if (expr instanceof E_Function f) checkIri(f.getFunctionIRI());
        if (expr instanceof ExprFunctionOp f) todo.push(new Entry(f.getGraphPattern(), d));
        if (expr instanceof ExprFunction f) f.getArgs().forEach(x -> todo.push(new Entry(x, d)));
        if (expr instanceof ExprAggregator a && a.getAggregator().getExprList() != null) exprs(a.getAggregator().getExprList(), d, todo);
    }

    private void visitPath(Path path, int d, Deque<Entry> todo) {
        if (path instanceof P_Link l) checkIri(l.getNode());
        if (path instanceof P_ReverseLink l) checkIri(l.getNode());
        if (path instanceof P_Path1 p) todo.push(new Entry(p.getSubPath(), d));
        if (path instanceof P_Path2 p) { todo.push(new Entry(p.getLeft(), d)); todo.push(new Entry(p.getRight(), d)); }
    }

    private static void exprs(ExprList list, int d, Deque<Entry> todo) {
        list.forEach(x -> todo.push(new Entry(x, d)));
    }

    private void checkService(Node service) {
        if (!service.isURI()) {
            throw new QueryRefusedException(400, "SERVICE avec une variable refusé : nommez le point d'accès / "
                + "SERVICE with a variable is refused: name the endpoint");
        }
        if (!serviceAllowed.test(service.getURI())) {
            throw new QueryRefusedException(400, "SERVICE <" + abbreviate(service.getURI()) + "> refusé : la fédération "
                + "n'est ouverte qu'aux points d'accès configurés (aam.federation.allowed-endpoints) / SERVICE refused: "
                + "federated queries may only call the configured endpoints");
        }
    }

    private static void checkIri(Node n) {
        if (n != null && n.isURI()) checkIri(n.getURI());
    }

    private static void checkIri(String iri) {
        if (iri != null && iri.regionMatches(true, 0, JAVA_SCHEME, 0, JAVA_SCHEME.length())) {
            throw new QueryRefusedException(400, "Fonction <" + abbreviate(iri) + "> refusée : les IRI java: ne sont pas "
                + "permis / functions named by a java: IRI are not allowed");
        }
    }

    private QueryRefusedException tooDeep() {
        return new QueryRefusedException(400, "Requête trop complexe : arbre de plus de " + maxDepth + " niveaux "
            + "(OPTIONAL, UNION, expressions ou chemins enchaînés) / query too complex: its algebra is more than "
            + maxDepth + " levels deep");
    }

    static String abbreviate(String s) { return s.length() > 120 ? s.substring(0, 117) + "..." : s; }

}
