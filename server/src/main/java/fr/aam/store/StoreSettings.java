package fr.aam.store;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the store is loaded (settings {@code aam.load.*}).
 *
 * @param contextFiles data files (names without extension) that every other data file may refer to — the shared
 *                     vocabularies of levers, professions, territories, actors and sources. Each data file is
 *                     validated against the SHACL shapes together with these files and the ontology, one file at a
 *                     time, so that validation needs memory for one file, not for the whole graph.
 * @param keepBackups  how many backups the admin API keeps (older ones are deleted)
 */
@ConfigurationProperties(prefix = "aam.load")
public record StoreSettings(List<String> contextFiles, int keepBackups) {

    public StoreSettings {
        if (contextFiles == null || contextFiles.isEmpty()) {
            contextFiles = List.of("actors", "levers", "professions", "territories", "sources", "dataset", "stakeholder-categories");
        }
        contextFiles = List.copyOf(contextFiles);
        if (keepBackups <= 0) keepBackups = 10;
    }
}
