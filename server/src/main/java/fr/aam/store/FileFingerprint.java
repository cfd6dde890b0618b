package fr.aam.store;

/**
 * What a generation of the store remembers of one source file: enough to tell at start, without reading the file,
 * that it has not changed (size and modification time), and its content hash when it may have.
 *
 * @param name     the file's path relative to the working copy ({@code data/levers.ttl})
 * @param graphs   the named graphs its content went into
 */
public record FileFingerprint(String name, long size, long modified, String sha256, java.util.List<String> graphs) {

    public boolean sameSizeAndTime(FileFingerprint other) {
        return other != null && size == other.size && modified == other.modified;
    }
}
