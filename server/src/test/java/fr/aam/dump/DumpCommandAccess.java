package fr.aam.dump;

import java.io.IOException;
import java.nio.file.Path;

/** Runs the dump command in the test JVM (its {@code main} exits the JVM on failure). */
public final class DumpCommandAccess {
    private DumpCommandAccess() {}

    public static Path run(String... args) throws IOException { return DumpCommand.run(args); }
}
