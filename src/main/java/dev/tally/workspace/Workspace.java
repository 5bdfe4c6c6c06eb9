package dev.tally.workspace;

import dev.tally.config.Settings;
import dev.tally.store.Location;
import dev.tally.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a project's store is, and who is writing to it. The store: {@code TALLY_STORE} when set (a
 * file, or a server's address: one analyst's run against the team's server without editing the
 * project), else {@code store:} in tally.yaml, else tally.db next to it ({@link Settings#storePath}).
 */
public final class Workspace {
    private Workspace() {}

    /** The value of TALLY_STORE for this run; the command line sets it from the environment (in-process tests: none). */
    private static volatile String fromEnvironment;
    /** Who a run is when --by is not given; null: the login name and this machine's name. */
    private static volatile Store.Who identity;

    /**
     * Sets what the environment says for this run: TALLY_STORE (null: not set), and who the run is
     * without --by (null: the login name and this machine; in-process runs, tests, pass a fixed one so
     * that nothing of the machine leaks into what they compare).
     */
    public static void environment(String tallyStore, Store.Who who) {
        fromEnvironment = tallyStore == null || tallyStore.isBlank() ? null : tallyStore.strip();
        identity = who;
    }

    /** Where the store is (see the class comment); a server address is read here, so a wrong one is a configuration error (exit 3). */
    public static Location location(Settings s) {
        String env = fromEnvironment;
        if (env != null) return Settings.isAddress(env) ? Location.server(env, "TALLY_STORE") : new Location.File(Path.of(env));
        if (s.storeAddress() != null) return Location.server(s.storeAddress(), String.valueOf(s.file()));
        return new Location.File(s.storePath());
    }

    /** True when the project names a store of its own (TALLY_STORE or store: in tally.yaml) rather than the default beside tally.yaml. */
    public static boolean named(Settings s) {
        return fromEnvironment != null || s.store() != null || s.storeAddress() != null;
    }

    /** The store's file, when it is one (null for a server): what no output may be written onto. */
    public static Path file(Settings s) {
        return location(s) instanceof Location.File f ? f.path() : null;
    }

    /**
     * Who writes: {@code by} (--by) else the login name, and this machine's name. The name is read
     * where the system keeps it ({@code HOSTNAME}, /proc, /etc/hostname, {@code COMPUTERNAME}), never
     * looked up on the network; empty when none says.
     */
    public static Store.Who who(String by) {
        Store.Who self = identity;
        String user = by != null && !by.isBlank() ? by.strip() : self != null ? self.user() : System.getProperty("user.name", "");
        return new Store.Who(user, self != null ? self.host() : host());
    }

    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h.strip();
        for (String f : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                Path p = Path.of(f);
                if (Files.isReadable(p)) {
                    String s = Files.readString(p).strip();
                    if (!s.isEmpty()) return s;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the next place may say
            }
        }
        h = System.getenv("COMPUTERNAME");
        return h == null ? "" : h.strip();
    }
}
