package dev.tally.store;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a store is: an SQLite file (the default, {@code tally.db} beside tally.yaml), or a schema in a
 * database on a PostgreSQL server ({@code postgresql://HOST[:PORT]/DB}). The one place a server's
 * address is read: {@link #server} is called for the {@code store:} of tally.yaml and for
 * {@code TALLY_STORE} alike.
 *
 * <p>A server address is {@code postgresql://[USER@]HOST[:PORT]/DB[?NAME=VALUE&…]}: {@code schema}
 * (default {@code tally}) names the schema the store's tables live in; every other parameter
 * ({@code sslmode}, {@code sslrootcert}, {@code service}, {@code connectTimeout}…) goes to the
 * PostgreSQL driver as it is. A password is never part of it: one in the address is refused (a
 * configuration error), and the driver's own ways give it ({@code PGPASSWORD}, {@code ~/.pgpass} or
 * {@code PGPASSFILE}, a service file). Example: {@code postgresql://tally@db.tinh.local/thongke?sslmode=require}.
 */
public sealed interface Location permits Location.File, Location.Server {
    /** What messages call the store: the file's path, or the server address as written (it holds no password). */
    String name();

    /** The schema a server store lives in when the address names none. */
    String DEFAULT_SCHEMA = "tally";

    /** An SQLite store. */
    record File(Path path) implements Location {
        @Override
        public String name() { return path.toString(); }
    }

    /**
     * A store on a PostgreSQL server: {@code address} as written; {@code user} null for the driver's
     * default (PGUSER, else the login name); {@code params} the driver's parameters, in the order
     * written, without {@code schema}.
     */
    record Server(String address, String host, int port, String database, String user, String schema, Map<String, String> params)
            implements Location {
        @Override
        public String name() { return address; }

        /** The driver's URL (no user or password: those are connection properties). */
        public String jdbcUrl() {
            StringBuilder sb = new StringBuilder("jdbc:postgresql://");
            if (!host.isEmpty()) sb.append(host.contains(":") ? "[" + host + "]" : host).append(port > 0 ? ":" + port : "");
            sb.append('/').append(database);
            char sep = '?';
            for (Map.Entry<String, String> e : params.entrySet()) {
                sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
                sep = '&';
            }
            return sb.toString();
        }

        private static String encode(String s) { return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8); }
    }

    /** True when {@code text} is a server address rather than a file name. */
    static boolean isServer(String text) {
        return text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://"));
    }

    /** A schema name tally puts into SQL (it cannot be a statement's parameter): letters, digits and _, as PostgreSQL folds them. */
    Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** postgresql://[user@]host[:port]/db[?params]; the host may be [IPv6]. */
    Pattern ADDRESS = Pattern.compile("postgres(?:ql)?://(?:([^@/?]*)@)?(\\[[^\\]]*\\]|[^:/?]*)(?::([0-9]*))?(?:/([^?]*))?(?:\\?(.*))?");

    /**
     * Reads a server address; {@code from} says where it was written ("tally.yaml", "TALLY_STORE") for
     * the message when it is wrong: no password, a schema tally can name, a port that is a number.
     */
    static Server server(String text, String from) {
        Matcher m = ADDRESS.matcher(text);
        if (!m.matches()) throw TallyException.config(t("store.badAddress", from, text));
        String user = m.group(1) == null || m.group(1).isEmpty() ? null : decode(m.group(1));
        if (user != null && m.group(1).contains(":")) throw TallyException.config(t("store.passwordInAddress", from, text));
        String host = m.group(2) == null ? "" : m.group(2).replaceAll("^\\[|\\]$", "");
        int port = 0;
        if (m.group(3) != null && !m.group(3).isEmpty()) {
            try {
                port = Integer.parseInt(m.group(3));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) throw TallyException.config(t("store.badAddress", from, text));
        }
        String database = m.group(4) == null ? "" : decode(m.group(4));
        Map<String, String> params = new LinkedHashMap<>();
        String schema = DEFAULT_SCHEMA;
        if (m.group(5) != null && !m.group(5).isEmpty()) {
            for (String pair : m.group(5).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq)), v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (k.equalsIgnoreCase("password")) throw TallyException.config(t("store.passwordInAddress", from, text));
                if (k.equals("schema")) schema = v;
                else if (k.equals("user")) user = v;
                else params.put(k, v);
            }
        }
        if (!SCHEMA.matcher(schema).matches()) throw TallyException.config(t("store.badSchema", from, schema));
        // a service file may give the host and database; otherwise the address must
        if ((host.isEmpty() || database.isEmpty()) && !params.containsKey("service")) {
            throw TallyException.config(t("store.badAddress", from, text));
        }
        return new Server(text, host, port, database, user, schema, Map.copyOf(params).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(params));
    }

    private static String decode(String s) { return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); }
}
