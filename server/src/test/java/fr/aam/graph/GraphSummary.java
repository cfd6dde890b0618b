package fr.aam.graph;

import java.util.List;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * Prints the graph's size at a glance: instances per class and per source document. Run by the tests
 * ({@link GraphSummaryTest}) and on its own: {@code mvn -q -pl server test -Dtest=GraphSummaryTest}.
 */
public final class GraphSummary {

    private GraphSummary() {}

    /** Classes counted, as prefixed names (aam: or foaf:); the table shows their local name. */
    static final List<String> CLASSES = List.of("aam:Actor", "foaf:Person", "aam:Initiative", "aam:RecommendedAction",
        "aam:Measure", "aam:Partnership", "aam:StakeholderCategory", "aam:CategoryInvolvement", "aam:Profession",
        "aam:DocumentAxis", "aam:Lever", "aam:Territory", "aam:Indicator", "aam:IndicatorGroup", "aam:Figure",
        "aam:Discrepancy", "aam:Matrix", "aam:MatrixPlacement", "aam:Obstacle", "aam:Perspective", "aam:Section");

    private static final String PREFIXES = "PREFIX aam: <https://w3id.org/attractivite-autonomie/def#> "
        + "PREFIX foaf: <http://xmlns.com/foaf/0.1/> ";

    public static String markdownTable() {
        String graphs = "vienne-benchmark cspams-paca-toolbox plan-metiers-grand-age-2021 landes-roadmap-2024";
        StringBuilder sb = new StringBuilder("| class | total | vienne | cspams | plan | landes | shared files |\n|---|---|---|---|---|---|---|\n");
        var ds = ProjectGraph.dataset();
        Txn.executeRead(ds, () -> {
            for (String c : CLASSES) {
                String q = PREFIXES + "SELECT ?g (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a " + c + " } } GROUP BY ?g";
                long[] counts = new long[5];
                try (QueryExec ex = QueryExec.dataset(ds).query(QueryFactory.create(q)).build()) {
                    ex.select().forEachRemaining(b -> {
                        String g = b.get("g").getURI().substring(ProjectGraph.GRAPH_BASE.length());
                        long n = ((Number) b.get("n").getLiteralValue()).longValue();
                        int i = List.of(graphs.split(" ")).indexOf(g);
                        counts[i < 0 ? 4 : i] += n;
                    });
                }
                String total = PREFIXES + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a " + c + " } }";
                long t;
                try (QueryExec ex = QueryExec.dataset(ds).query(QueryFactory.create(total)).build()) {
                    t = ((Number) ex.select().next().get("n").getLiteralValue()).longValue();
                }
                sb.append("| ").append(c.substring(c.indexOf(':') + 1)).append(" | ").append(t);
                for (long n : counts) sb.append(" | ").append(n);
                sb.append(" |\n");
            }
            long triples = 0;
            for (var it = ds.find(); it.hasNext(); it.next()) triples++;
            sb.append("\nTriples in all named graphs: ").append(triples).append('\n');
        });
        return sb.toString();
    }

    public static void main(String[] args) { System.out.print(markdownTable()); }
}
