package fr.aam.store;

/** A file that does not parse or a graph that does not conform: the load stops, the store keeps its data. */
public class DataLoadException extends RuntimeException {
    private final String file;
    private final long line;

    public DataLoadException(String file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }
    public long line() { return line; }
}
