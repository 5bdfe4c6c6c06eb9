package dev.tally.store;

import dev.tally.model.ExitCode;
import dev.tally.model.TallyException;

/** A store that cannot be used as asked (not a tally store, from a newer tally, unreadable): exit 4. */
final class StoreException {
    private StoreException() {}

    static TallyException io(String message) { return new TallyException(ExitCode.IO, message); }
}
