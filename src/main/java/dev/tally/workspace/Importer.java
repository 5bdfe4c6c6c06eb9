package dev.tally.workspace;

import dev.tally.config.Project;
import dev.tally.model.CellTable;
import dev.tally.model.Finding;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Submission;
import dev.tally.model.TallyException;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.store.Store;
import dev.tally.ingest.Ingest;
import dev.tally.validate.Summary;
import dev.tally.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tally import: each file is validated on its own (in parallel, each in a sparse table); a file with
 * any error finding is rejected whole, every other file's submissions go into the store in one
 * transaction, in input order, each replacing the unit's earlier submission for the period as a
 * whole (or counted unchanged when identical). With {@code dryRun} the transaction is rolled back.
 */
public final class Importer {
    private Importer() {}

    /** What became of one file. Values: read = stored + unchanged + duplicates + ignored + rejected. */
    public record FileReport(String file, String sha256, boolean rejected, List<Finding> findings, Summary summary,
                             int newSubmissions, int replaced, int unchanged, int rejectedSubmissions,
                             long storedValues, long unchangedValues) {
        /** Values read but not kept though the file was stored: dropped with a warning (a derived value). */
        public long ignoredValues() { return rejected ? 0 : summary.rejected(); }

        public long rejectedValues() { return rejected ? summary.values() : 0; }
    }

    public record Report(List<FileReport> files, boolean dryRun) {
        public long values() { return files.stream().mapToLong(f -> f.summary().values()).sum(); }

        public long stored() { return files.stream().mapToLong(FileReport::storedValues).sum(); }

        public long unchanged() { return files.stream().mapToLong(FileReport::unchangedValues).sum(); }

        public long duplicates() { return files.stream().filter(f -> !f.rejected()).mapToLong(f -> f.summary().duplicates()).sum(); }

        public long ignored() { return files.stream().mapToLong(FileReport::ignoredValues).sum(); }

        public long rejected() { return files.stream().mapToLong(FileReport::rejectedValues).sum(); }

        public boolean anyRejected() { return files.stream().anyMatch(FileReport::rejected); }
    }

    public static Report run(Project project, Store store, List<InputFile> files, ReadOptions options, InputStream stdin,
                             String received, String importedAt, boolean dryRun, int threads) {
        List<FileReport> reports = new ArrayList<>();
        try (Store.Batch batch = store.begin()) {
            List<SQLException> failed = new ArrayList<>();
            // validate ahead in parallel, store strictly in input order
            Ingest.each(project.hierarchy(), project.catalog(), files, options, stdin, threads, Importer::sha256, (r, sha) -> {
                if (!failed.isEmpty()) return;
                try {
                    reports.add(store(project.hierarchy(), project.catalog().indicators(), batch,
                            files.get(reports.size()), sha, r, received, importedAt));
                } catch (SQLException e) {
                    failed.add(e);
                }
            });
            if (!failed.isEmpty()) throw failed.get(0);
            if (!dryRun) batch.commit();
        } catch (SQLException e) {
            throw TallyException.io(store.file() + ": the import failed and nothing of it was stored: " + e.getMessage());
        }
        return new Report(reports, dryRun);
    }

    private static String sha256(InputFile f, byte[] stdinBytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (f.stdin()) {
                md.update(stdinBytes);
            } else {
                try (InputStream in = new DigestInputStream(Files.newInputStream(f.path()), md)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw TallyException.io(f.display() + ": cannot read: " + e.getMessage());
        }
    }

    private static FileReport store(Hierarchy h, List<Indicator> indicators, Store.Batch batch, InputFile file, String sha256,
                                    Validator.Result r, String received, String importedAt) throws SQLException {
        CellTable t = r.table();
        boolean rejected = r.summary().errors() > 0;
        int ni = indicators.size();
        long importId = batch.recordImport(file.display(), sha256, received, importedAt, rejected, r.summary().values());
        int fresh = 0, replaced = 0, unchanged = 0, rejectedSubs = 0;
        long storedValues = 0, unchangedValues = 0;
        for (int p = 0; p < t.periods().size(); p++) {
            Period period = t.periods().get(p);
            byte[] states = t.states(p);
            for (int row = 0, rows = t.cells() / ni; row < rows; row++) {
                int base = row * ni;
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                Map<String, Long> lines = new LinkedHashMap<>();
                for (int i = 0; i < ni; i++) {
                    byte st = states[base + i];
                    if (st == CellTable.EMPTY || st == CellTable.REJECTED) continue;
                    values.put(indicators.get(i).code(), t.value(p, base + i));
                    lines.put(indicators.get(i).code(), CellTable.whereLine(t.where(p, base + i)));
                }
                if (values.isEmpty()) continue;
                if (rejected) {
                    rejectedSubs++;
                    continue;
                }
                Submission s = new Submission(h.unit(t.unitOf(base)).code(), period, values, lines);
                switch (batch.put(s, importId, received)) {
                    case NEW -> {
                        fresh++;
                        storedValues += values.size();
                    }
                    case REPLACED -> {
                        replaced++;
                        storedValues += values.size();
                    }
                    case UNCHANGED -> {
                        unchanged++;
                        unchangedValues += values.size();
                    }
                }
            }
        }
        batch.counts(importId, storedValues, unchangedValues, rejected ? r.summary().values() : r.summary().rejected());
        return new FileReport(file.display(), sha256, rejected, r.findings(), r.summary(), fresh, replaced, unchanged,
                rejectedSubs, storedValues, unchangedValues);
    }
}
