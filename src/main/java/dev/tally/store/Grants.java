package dev.tally.store;

import java.util.List;

/**
 * The privileges a store on a server needs, and no more, as SQL for the database's administrator to
 * run: the owner (creates the schema's tables on the first write, upgrades them) has the schema; a
 * writer role can import, lock and unlock (read, insert and update the store's tables: tally never
 * deletes a row, so it gets no DELETE); a reader role can run status, history, rollup and every other
 * command that reads (SELECT only), and an import as the reader is refused by the server. The
 * privileges on tables made later (by an upgrade) come with them ({@code ALTER DEFAULT PRIVILEGES}).
 */
public final class Grants {
    private Grants() {}

    /** The tables and view of the current schema (the audit, locks and versions included). */
    static final List<String> TABLES = List.of("import", "submission", "rejection", "lock", "audit", "tally_schema");

    /** The GRANT statements for {@code schema}, with the three roles named (each quoted as an identifier). */
    public static String sql(String schema, String owner, String writer, String reader) {
        String s = ident(schema), o = ident(owner), w = ident(writer), r = ident(reader);
        StringBuilder sb = new StringBuilder();
        sb.append("-- tally store ").append(schema).append(": run as a superuser, or as ").append(owner)
                .append(" once the schema is its own.\n");
        sb.append("-- The roles must exist (CREATE ROLE ... LOGIN); their passwords are set on the server, never in tally.yaml.\n");
        sb.append("CREATE SCHEMA IF NOT EXISTS ").append(s).append(" AUTHORIZATION ").append(o).append(";\n");
        sb.append("-- the writer: import, lock, unlock (no DELETE: tally never deletes a row)\n");
        sb.append("GRANT USAGE ON SCHEMA ").append(s).append(" TO ").append(w).append(";\n");
        sb.append("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA ").append(s).append(" TO ").append(w).append(";\n");
        sb.append("GRANT USAGE ON ALL SEQUENCES IN SCHEMA ").append(s).append(" TO ").append(w).append(";\n");
        sb.append("ALTER DEFAULT PRIVILEGES FOR ROLE ").append(o).append(" IN SCHEMA ").append(s)
                .append(" GRANT SELECT, INSERT, UPDATE ON TABLES TO ").append(w).append(";\n");
        sb.append("ALTER DEFAULT PRIVILEGES FOR ROLE ").append(o).append(" IN SCHEMA ").append(s)
                .append(" GRANT USAGE ON SEQUENCES TO ").append(w).append(";\n");
        sb.append("-- the reader: status, history, rollup, describe, outliers, consistency, validate (SELECT only)\n");
        sb.append("GRANT USAGE ON SCHEMA ").append(s).append(" TO ").append(r).append(";\n");
        sb.append("GRANT SELECT ON ALL TABLES IN SCHEMA ").append(s).append(" TO ").append(r).append(";\n");
        sb.append("ALTER DEFAULT PRIVILEGES FOR ROLE ").append(o).append(" IN SCHEMA ").append(s)
                .append(" GRANT SELECT ON TABLES TO ").append(r).append(";\n");
        return sb.toString();
    }

    /** A name as an SQL identifier: in double quotes, a quote in it doubled (any name is data, never SQL). */
    static String ident(String name) { return '"' + name.replace("\"", "\"\"") + '"'; }
}
