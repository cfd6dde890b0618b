package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.AamApplication;
import fr.aam.graph.ProjectGraph;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scenario an operator lives: the server runs, someone commits a broken data file, the server restarts. The load
 * is refused with the file and line, and the previous data is still served over HTTP. The first server stops while it
 * is still computing its canned answers ahead: a read it left open on the store kept the store's text index open, and
 * the restart in this JVM found the previous generation unopenable and served nothing (found by this test).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class BrokenDataRestartTest {

    @TempDir Path tmp;

    @Test
    void aBrokenFileAtRestartLeavesThePreviousStoreServing(org.springframework.boot.test.system.CapturedOutput output) throws IOException {
        Path home = copyWorkingCopy();
        String password = "restart-test";
        String[] args = {"--server.port=0", "--aam.home=" + home, "--aam.store=" + tmp.resolve("tdb2"),
            "--aam.admin.password-hash=" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(password)};
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String count = "/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/attractivite-autonomie/def#Initiative> }");

        String before;
        try (ConfigurableApplicationContext app = start(args)) {
            HttpClientSupport http = client(app);
            before = http.get(count, "Accept", "text/csv").body();
            assertThat(before).matches("(?s)n\\r?\\n[1-9][0-9]*\\r?\\n");
        }

        Files.writeString(home.resolve("data/landes-roadmap-2024.ttl"), "\ninitiative:oops rdfs:label ] .\n",
            StandardOpenOption.APPEND);
        try (ConfigurableApplicationContext app = start(args)) {
            HttpClientSupport http = client(app);
            assertThat(http.get(count, "Accept", "text/csv").body()).isEqualTo(before);
            // the public sees that older data is served; the admin sees why
            HttpResponse<String> health = http.get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"STALE\"").doesNotContain("landes");
            HttpResponse<String> details = http.get("/actuator/health", "Authorization", basic);
            assertThat(details.body()).contains("\"lastLoad\":\"FAILED\"").contains("data/landes-roadmap-2024.ttl:");
            assertThat(http.get("/api/queries/sources").statusCode()).isEqualTo(200);
        }
        // each stop closed its store cleanly (the text index's close threw when a stopped read had rolled it back)
        assertThat(output.getAll()).doesNotContain("Closing gen-");
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(AamApplication.class).run(args);
    }

    private static HttpClientSupport client(ConfigurableApplicationContext app) {
        return new HttpClientSupport(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private Path copyWorkingCopy() throws IOException {
        return ProjectGraph.copyWorkingCopy(tmp.resolve("home"), "ontology", "data", "queries");
    }
}
