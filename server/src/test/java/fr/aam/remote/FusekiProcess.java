package fr.aam.remote;

import fr.aam.graph.ProjectGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Apache Jena Fuseki 5.6.0 standalone ({@code jena-fuseki-server}, copied from Maven Central into target/engines/ by
 * the build), serving one in-memory TDB2 dataset whose default graph is the union of the named graphs
 * (src/test/resources/engines/fuseki-config.ttl), on loopback only.
 */
final class FusekiProcess extends EngineProcess {

    static final Path JAR = ProjectGraph.home().resolve("server/target/engines/jena-fuseki-server.jar");
    private final int port = freePort();

    @Override String name() { return "Apache Jena Fuseki"; }

    @Override String missing() { return Files.isRegularFile(JAR) ? null : JAR + " absent (mvn generate-test-resources copies it)"; }

    @Override
    List<String> command(Path dir) {
        Path config = ProjectGraph.home().resolve("server/src/test/resources/engines/fuseki-config.ttl");
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
            "-DFUSEKI_BASE=" + dir.resolve("run"), "-jar", JAR.toString(),
            "--localhost", "--port", String.valueOf(port), "--config", config.toString());
    }

    @Override int port() { return port; }

    @Override String queryEndpoint() { return "http://127.0.0.1:" + port + "/ds/query"; }

    @Override String graphStore() { return "http://127.0.0.1:" + port + "/ds/data"; }
}
