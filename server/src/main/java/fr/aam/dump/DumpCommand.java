package fr.aam.dump;

import fr.aam.AamProperties;
import fr.aam.Iris;
import fr.aam.store.ServedStore;
import fr.aam.store.StoreConfig;
import fr.aam.store.StoreSettings;
import fr.aam.store.statistics.StatisticsConfig;
import fr.aam.text.TextConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The dump without the server: opens the store exactly as the server does at start — the same configuration
 * ({@link StoreConfig} and the generation extensions: statistics, text index), without the web side: a new
 * generation is built when ontology/ or data/ changed, complete, so the server can serve it later — then writes the
 * served generation with {@link DatasetDump}, the code behind /dumps/.
 *
 * <pre>
 * mvn -pl server spring-boot:run -Ddump=target/attractivite-autonomie.trig        (or .nq, .ttl)
 * java -cp … fr.aam.dump.DumpCommand &lt;file&gt; [--aam.store=&lt;folder&gt;] [other --aam.… settings]
 * </pre>
 * A relative file is resolved against the working copy. The server must not be running on the same store.
 */
public final class DumpCommand {

    private DumpCommand() {}

    /**
     * The server's store and what is built with each of its generations; no web, no queries, no security. Not a
     * {@code @Configuration}: the server's component scan must not pick it up.
     */
    @EnableConfigurationProperties({AamProperties.class, StoreSettings.class})
    @Import({StoreConfig.class, StatisticsConfig.class, TextConfig.class})
    static class StoreOnly {
        @Bean
        Iris iris(AamProperties props) { return props.iris(); }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("dump: " + e.getMessage());
            System.exit(1);
        }
    }

    static Path run(String... args) throws IOException {
        String file = null;
        List<String> settings = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--")) settings.add(a);
            else if (!a.isBlank()) file = a;
        }
        if (file == null) throw new IllegalArgumentException("usage: DumpCommand <file.trig|file.nq|file.ttl> [--aam.store=<folder>]");
        Lang lang = DatasetDump.forFile(file);
        if (lang == null) throw new IllegalArgumentException(file + ": the file name must end with .trig, .nq or .ttl");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StoreOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(settings.toArray(String[]::new))) {
            Path out = app.getBean(AamProperties.class).homeDir().resolve(file).normalize();
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            ServedStore store = app.getBean(ServedStore.class);
            try (OutputStream os = Files.newOutputStream(out)) {
                DatasetDump.write(store.current(), lang, os);
            }
            System.out.println("dump: " + out + " (" + lang.getLabel() + ", " + Files.size(out) + " bytes, generation "
                + store.current().name() + ")");
            return out;
        }
    }
}
