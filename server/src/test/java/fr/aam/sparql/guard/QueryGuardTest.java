package fr.aam.sparql.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.aam.sparql.FederationSettings;
import fr.aam.sparql.QueryLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The guard's parts on their own: the text scan, the algebra walk, the linear regex, the federation gate. */
class QueryGuardTest {

    final QueryGuard guard = new QueryGuard(new QueryLimits(DataSize.ofKilobytes(100), 64, 256, 1000,
        DataSize.ofMegabytes(1), 2, 1, 1, Duration.ofMillis(100), 0.7), "https://allowed.example/sparql"::equals);

    @Test
    void nestingIsMeasuredOutsideStringsIriAndComments() {
        QueryTextCheck check = new QueryTextCheck(100_000, 64);
        assertThat(check.nesting("SELECT * WHERE { ?s ?p \"((((\" . FILTER(?x < 3 && ?y > (2)) } # {{{{")).isEqualTo(3);
        assertThat(check.nesting("SELECT * WHERE { ?s <http://x/(((> ?o }")).isEqualTo(1);
        assertThat(check.nesting("SELECT * WHERE { ?s ?p '''a ' ( } '''}")).isEqualTo(1);
        assertThatThrownBy(() -> guard.checkText("SELECT * {" + "(".repeat(65) + "}"))
            .isInstanceOf(QueryRefusedException.class).hasMessageContaining("64");
        assertThatThrownBy(() -> guard.checkText("#" + "x".repeat(110_000)))
            .isInstanceOfSatisfying(QueryRefusedException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void algebraDepthServiceAndJavaFunctionsAreChecked() {
        StringBuilder chain = new StringBuilder("SELECT * WHERE { ?s ?p ?o ");
        for (int i = 0; i < 300; i++) chain.append("OPTIONAL { ?s <urn:p").append(i).append("> ?o").append(i).append(" } ");
        assertThatThrownBy(() -> guard.checkAndBound(QueryFactory.create(chain + "}")))
            .isInstanceOf(QueryRefusedException.class).hasMessageContaining("256");
        assertThatThrownBy(() -> guard.checkAndBound(QueryFactory.create("SELECT * { SERVICE <https://other.example/sparql> { ?s ?p ?o } }")))
            .hasMessageContaining("other.example");
        assertThatThrownBy(() -> guard.checkAndBound(QueryFactory.create("SELECT * { FILTER EXISTS { SERVICE <http://127.0.0.1/> { ?s ?p ?o } } }")))
            .hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> guard.checkAndBound(QueryFactory.create("SELECT * { ?s <java:x.Y> ?o }"))).hasMessageContaining("java:");
        var ok = QueryFactory.create("SELECT * { SERVICE <https://allowed.example/sparql> { ?s ?p ?o } }");
        guard.checkAndBound(ok);
        assertThat(ok.getLimit()).as("the row cap becomes the LIMIT").isEqualTo(1000);
        var small = QueryFactory.create("SELECT * { ?s ?p ?o } LIMIT 5");
        guard.checkAndBound(small);
        assertThat(small.getLimit()).isEqualTo(5);
    }

    /** The same answers as Jena's own REGEX and REPLACE, in linear time on the pattern that backtracks for minutes. */
    @Test
    void linearRegexAnswersLikeJenasAndNeverBacktracks() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        LinearRegex.install(dsg.getContext());
        String q = "SELECT ?a ?b ?c ?d ?e ?f WHERE {"
            + " BIND(regex(\"Aide-Soignante\", \"^aide\", \"i\") AS ?a)"
            + " BIND(regex(\"aide à domicile\", \"domicile$\") AS ?b)"
            + " BIND(regex(\"abc\", \".\", \"q\") AS ?c)"
            + " BIND(REPLACE(\"EHPAD 86\"@fr, \"([0-9]+)\", \"($1)\") AS ?d)"
            + " BIND(regex(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"(.*a){10}$\") AS ?e)"
            + " BIND(\"(\" AS ?bad) BIND(regex(\"x\", ?bad) AS ?f) }";
        long t0 = System.nanoTime();
        try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
            RowSet rows = qe.select();
            var b = rows.next();
            assertThat(b.get("a").getLiteralLexicalForm()).isEqualTo("true");
            assertThat(b.get("b").getLiteralLexicalForm()).isEqualTo("true");
            assertThat(b.get("c").getLiteralLexicalForm()).isEqualTo("false");
            assertThat(b.get("d").getLiteralLexicalForm()).isEqualTo("EHPAD (86)");
            assertThat(b.get("d").getLiteralLanguage()).isEqualTo("fr");
            assertThat(b.get("e").getLiteralLexicalForm()).isEqualTo("false");
            assertThat(b.get("f")).as("an invalid pattern is an error: unbound").isNull();
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms").isLessThan(5_000);
    }

    @Test
    void federationGateRefusesLocalAddressesAndTheServerItself() throws Exception {
        FederationSettings settings = new FederationSettings(List.of("http://127.0.0.1:9999/sparql", "http://10.1.2.3/sparql",
            "file:///etc/passwd", "http://[::1]:8080/sparql"), false, Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
        FederationGate gate = new FederationGate(settings, () -> 8080);
        assertThatThrownBy(() -> gate.check("http://127.0.0.1:9999/sparql")).isInstanceOf(QueryDeniedException.class)
            .hasMessageContaining("private");
        assertThatThrownBy(() -> gate.check("http://10.1.2.3/sparql")).hasMessageContaining("private");
        assertThatThrownBy(() -> gate.check("file:///etc/passwd")).hasMessageContaining("http");
        assertThatThrownBy(() -> gate.check("http://[::1]:8080/sparql")).hasMessageContaining("itself");
        assertThatThrownBy(() -> gate.check("https://not-listed.example/sparql")).hasMessageContaining("not allowed");
        FederationGate forTests = new FederationGate(new FederationSettings(List.of("http://127.0.0.1:9999/sparql"), true,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 2), () -> 8080);
        forTests.check("http://127.0.0.1:9999/sparql");   // explicitly allowed, loopback permitted for tests
        assertThat(FederationGate.isLocal(InetAddress.getByName("fd00::1"))).isTrue();
        assertThat(FederationGate.isLocal(InetAddress.getByName("169.254.169.254"))).isTrue();
        assertThat(FederationGate.isLocal(InetAddress.getByName("8.8.8.8"))).isFalse();
    }
}
