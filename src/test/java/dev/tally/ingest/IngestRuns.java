package dev.tally.ingest;

import dev.tally.model.Catalog;
import dev.tally.model.Era;
import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.store.Store;
import dev.tally.validate.Validator;
import java.io.InputStream;
import java.util.List;

/** Reading as the tests do it: one hierarchy and catalog, no boundaries, nobody excused, no progress watched. */
public final class IngestRuns {
    private IngestRuns() {}

    /** Reads and validates every input into one dense result, planning here. */
    public static Validator.Result run(Hierarchy h, Catalog c, List<Period> within, List<InputFile> inputs, ReadOptions options,
                                       InputStream stdin, int threads) {
        return run(h, c, within, inputs, options, stdin, threads, null, false);
    }

    public static Validator.Result run(Hierarchy h, Catalog c, List<Period> within, List<InputFile> inputs, ReadOptions options,
                                       InputStream stdin, int threads, Ingest.Plan planned, boolean sparse) {
        return Ingest.run(Roster.of(h), c, within, inputs, options, stdin, threads, planned, sparse, Ingest.Watcher.NONE);
    }

    /** The store's current submissions validated against one hierarchy and catalog. */
    public static Validator.Result readStore(Store store, Hierarchy h, Catalog c, List<Period> within, int threads) {
        return StoreIngest.readEras(store, List.of(new Era(0, null, null, h, c, Roster.of(h), null)), within, threads).results().get(0);
    }
}
