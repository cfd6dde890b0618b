package fr.aam.remote;

import fr.aam.graph.ProjectGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * OpenLink Virtuoso Open Source (Debian's virtuoso-opensource, {@code virtuoso-t}) with a fresh database in a
 * temporary folder, configured by src/test/resources/engines/virtuoso.ini on free loopback ports. Queries go to its
 * {@code /sparql} endpoint (whose default graph is the union of all graphs), named graphs are written to
 * {@code /sparql-graph-crud-auth} (the Graph Store Protocol, HTTP digest authentication as dba).
 */
final class VirtuosoProcess extends EngineProcess {

    static final Path BINARY = Path.of("/usr/bin/virtuoso-t");
    private final int sqlPort = freePort();
    private final int httpPort = freePort();

    @Override String name() { return "OpenLink Virtuoso"; }

    @Override String missing() { return Files.isExecutable(BINARY) ? null : BINARY + " absent (apt-get install virtuoso-opensource)"; }

    @Override
    List<String> command(Path dir) throws IOException {
        String ini = Files.readString(ProjectGraph.home().resolve("server/src/test/resources/engines/virtuoso.ini"))
            .replace("${dir}", dir.toString()).replace("${sqlPort}", String.valueOf(sqlPort))
            .replace("${httpPort}", String.valueOf(httpPort));
        Path file = Files.writeString(dir.resolve("virtuoso.ini"), ini);
        return List.of(BINARY.toString(), "-f", "-c", file.toString());   // -f: in the foreground, stopped with the test
    }

    @Override int port() { return httpPort; }

    @Override String queryEndpoint() { return "http://127.0.0.1:" + httpPort + "/sparql"; }

    @Override String graphStore() { return "http://127.0.0.1:" + httpPort + "/sparql-graph-crud-auth"; }

    @Override String username() { return "dba"; }

    @Override String password() { return "dba"; }
}
