package eu.ai4c.vector.store;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One all-or-nothing change of a feature store: a new store is written under a temporary name and
 * moved into place when complete; an existing one (checked to be a GeoPackage first) is changed in
 * one transaction, rolled back on failure. Shared by every loader (OSM and the energy datasets).
 * Stateless.
 */
final class StoreTransaction {

    /** The work done inside the transaction. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection c) throws SQLException, IOException;
    }

    private StoreTransaction() {
    }

    /**
     * Runs {@code work} on {@code store} (created when missing, with the GeoPackage metadata tables).
     *
     * @throws Ai4cException (usage) when the store exists and is not a GeoPackage or is a folder
     */
    static <R> R run(Path store, Work<R> work) throws IOException {
        boolean exists = Files.exists(store);
        if (exists) {
            if (!Files.isRegularFile(store)) {
                throw Ai4cException.usage("The store " + store + " is a folder; give a .gpkg file name.");
            }
            try (Connection c = GeoPackageFile.connect(store, true)) {
                GeoPackageFile.check(c, store);
            } catch (SQLException e) {
                throw Ai4cException.usage("The store " + store + " cannot be opened as a GeoPackage: " + e.getMessage());
            }
        }
        try (AtomicOutput out = AtomicOutput.create()) {
            Path target = exists ? store : out.temporaryFor(store);
            R r;
            try (Connection c = GeoPackageFile.connect(target, false)) {
                try (Statement s = c.createStatement()) {
                    if (!exists) s.execute("PRAGMA journal_mode = OFF"); // a temporary file: atomic by the move
                    s.execute("PRAGMA synchronous = " + (exists ? "NORMAL" : "OFF"));
                    s.execute("PRAGMA cache_size = -65536");
                }
                c.setAutoCommit(false);
                try {
                    if (!exists) GeoPackageFile.initialise(c);
                    r = work.run(c);
                    c.commit();
                } catch (RuntimeException | IOException | SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new Ai4cException("Writing the store " + store + " failed: " + e.getMessage()
                        + ". Check the free disk space and that no other program writes it.", e);
            }
            if (!exists) out.commit();
            return r;
        }
    }
}
