package fr.aam.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One complete, immutable generation of the store: a TDB2 database in its own folder and whatever was built with it
 * (text index), opened for reading. It is served until a newer one replaces it; then {@link #retire} waits for the
 * queries still running on it, closes it and deletes its folder.
 */
public final class StoreGeneration {

    private static final Logger log = LoggerFactory.getLogger(StoreGeneration.class);
    static final String TDB = "tdb";

    private final Path dir;
    private final GenerationInfo info;
    private final DatasetGraph tdb;
    private final DatasetGraph served;

    private StoreGeneration(Path dir, GenerationInfo info, DatasetGraph tdb, DatasetGraph served) {
        this.dir = dir;
        this.info = info;
        this.tdb = tdb;
        this.served = served;
    }

    /** Opens a complete generation; queries see the union of its named graphs as their default graph. */
    static StoreGeneration open(Path dir, GenerationInfo info, List<GenerationExtension> extensions, List<DatasetSetup> setups) {
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.resolve(TDB).toString());
        DatasetGraph served = tdb;
        for (GenerationExtension e : extensions) served = e.wrap(served, dir);
        for (DatasetGraph d : List.of(tdb, served)) {
            d.getContext().set(TDB2.symUnionDefaultGraph, true);
            setups.forEach(s -> s.apply(d.getContext()));
        }
        return new StoreGeneration(dir, info, tdb, served);
    }

    /** The dataset to query (read transactions only). */
    public DatasetGraph dataset() { return served; }

    public GenerationInfo info() { return info; }

    public Path dir() { return dir; }

    public String name() { return dir.getFileName().toString(); }

    /**
     * The generation's canonical N-Quads, gzipped ({@link CanonicalDump}), written at the first request and kept: a
     * generation never changes, so dumps and backups of it are one file, made once.
     */
    public synchronized Path nquadsGz() {
        Path file = dir.resolve("dump.nq.gz");
        if (!java.nio.file.Files.isRegularFile(file)) CanonicalDump.writeNQuadsGz(tdb, file);
        return file;
    }

    /**
     * Takes the generation out of service once nothing reads it any more: TDB2's exclusive mode waits for the
     * transactions in progress (and holds back new ones, which can only come from a request that looked up the
     * generation just before the switch), then the database is closed and its folder deleted.
     */
    void retire(long graceMillis) {
        try {
            TimeUnit.MILLISECONDS.sleep(graceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(tdb);
        Location location = storage.getLocation();
        TransactionCoordinator coordinator = storage.getTxnSystem().getTxnMgr();
        coordinator.startExclusiveMode();
        try {
            closeWrappers();
            TDBInternal.expel(tdb, true);
        } finally {
            coordinator.finishExclusiveMode();
        }
        StoreLayout.delete(dir);
        log.info("Retired store generation {} ({})", name(), location.getDirectoryPath());
    }

    /** Closes without deleting (server shutdown). */
    void close() {
        closeWrappers();
        TDBInternal.expel(tdb, true);
    }

    /** A wrapper (the text index) holds files of its own. */
    private void closeWrappers() {
        if (served == tdb) return;
        try {
            served.close();
        } catch (RuntimeException e) {
            log.warn("Closing {}: {}", name(), e.getMessage());
        }
    }
}
