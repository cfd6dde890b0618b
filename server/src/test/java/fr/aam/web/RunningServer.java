package fr.aam.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server on a random port over a real TDB2 store in a fresh temporary folder, loaded from the working copy's
 * ontology/ and data/. Test classes extending it share one running server (Spring caches the context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningServer {

    static final String ID = "https://w3id.org/attractivite-autonomie/id/";
    private static final Path STORE = newStoreDir();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) { r.add("aam.store", () -> STORE.toString()); }

    @LocalServerPort int port;
    HttpClientSupport http;

    @BeforeEach void client() { http = new HttpClientSupport(port); }

    private static Path newStoreDir() {
        try {
            Path dir = Files.createTempDirectory("aam-test-store-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
