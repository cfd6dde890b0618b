package fr.aam.store;

import java.nio.file.Path;

/**
 * The store is open in another process — another server started on the same {@code aam.store}. This server does not
 * start: rebuilding the store, as for a generation that cannot be opened, would delete the data the other one serves.
 */
public class StoreInUseException extends IllegalStateException {
    public StoreInUseException(Path store, String lock) {
        super("The store " + store + " is in use by another process (" + lock + "): one server per store — stop the other"
            + " server, or give this one its own aam.store");
    }
}
