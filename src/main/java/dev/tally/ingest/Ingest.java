package dev.tally.ingest;

import static dev.tally.model.Text.reason;
import static dev.tally.model.Text.t;

import dev.tally.io.Tasks;
import dev.tally.model.Catalog;
import dev.tally.model.Era;
import dev.tally.validate.Summary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import dev.tally.model.Period;
import dev.tally.model.Roster;
import dev.tally.model.TallyException;
import dev.tally.read.CsvSubmissions;
import dev.tally.read.CsvTokenizer;
import dev.tally.read.Delimiters;
import dev.tally.read.Field;
import dev.tally.read.InputFile;
import dev.tally.read.ReadOptions;
import dev.tally.read.Submissions;
import dev.tally.read.ValueSink;
import dev.tally.model.Finding;
import dev.tally.validate.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs the readers and the validator over many inputs: files ─► read ─► validate, in parallel. The
 * plan ({@link #plan}) lists the work: each input whole, or a large CSV cut into slices at line starts
 * ({@link Slicer}), one per thread. Workers take contiguous runs of the work, each validating into its
 * own {@link Validator.Part}; the parts are merged in input order, so the result is the same for any
 * number of workers. When two workers met the same cell (a value repeated in two places), everything
 * is read again in one thread, which alone gives every repeat the finding one reader would give it.
 *
 * <p>Every input goes the same way whatever its format: a slice is only a shorter range of the same
 * CSV reading, and {@link Plan#slices()} says how many were made, for the tests that prove large files
 * are read in parallel.
 */
public final class Ingest {
    private Ingest() {}

    /** Files above this size are cut into one slice per thread. */
    static long splitBytes = 4L << 20;

    /** One unit of reading: a whole input, or a slice of a large CSV with its header already read. */
    record Work(int input, Slicer.Slice slice, CsvSubmissions.Header header, long bytes) {}

    /**
     * Told how much there is to read and how much has been read, from the reading threads: for a
     * progress line on a terminal. Reading is never slowed by it: it is called once a file or slice.
     */
    public interface Watcher {
        Watcher NONE = new Watcher() {
            @Override
            public void start(long bytes, int files) {}

            @Override
            public void read(long bytes, boolean fileDone) {}
        };

        void start(long bytes, int files);

        void read(long bytes, boolean fileDone);
    }

    private static void start(Watcher w, List<Work> work, int files) {
        long total = 0;
        for (Work x : work) total += x.bytes();
        w.start(total, files);
    }

    /**
     * How the inputs will be read: made before the units and catalog are needed, so both can overlap.
     * {@code counted}: the bytes read ahead to number the lines of the slices after the first (the
     * last slice of a file is never read ahead: its reader counts its own lines).
     */
    public record Plan(List<Work> work, int threads, long counted) {
        /** How many slices the plan cut large files into (0: every input read whole). */
        public int slices() { return (int) work.stream().filter(w -> w.slice() != null).count(); }

        /** The bytes there are to read (standard input counts as 1 MB). */
        public long bytes() { return work.stream().mapToLong(Work::bytes).sum(); }
    }

    public static Plan plan(List<InputFile> inputs, ReadOptions options, int threads) {
        if (inputs.stream().anyMatch(InputFile::stdin)) threads = 1;
        List<Work> work = new ArrayList<>();
        ByteBuffer scan = null;
        long counted = 0;
        for (int i = 0; i < inputs.size(); i++) {
            InputFile f = inputs.get(i);
            long size = 1 << 20;
            if (!f.stdin()) {
                try {
                    size = Math.max(1, Files.size(f.path()));
                } catch (IOException e) {
                    size = 1;
                }
            }
            List<Slicer.Slice> slices = null;
            Slicer.Cut cut = null;
            CsvSubmissions.Header header = null;
            if (!f.stdin() && size > splitBytes && threads > 1) {
                if (scan == null) scan = ByteBuffer.allocate(1 << 20);
                Head h = head(f, options);
                if (h != null) {
                    header = h.header;
                    try {
                        cut = Slicer.slices(f.path(), h.dataStart, h.dataLine, threads, scan).orElse(null);
                        slices = cut == null ? null : cut.slices();
                    } catch (IOException e) {
                        slices = null;
                    }
                }
            }
            if (slices != null && slices.size() > 1) {
                counted += cut.counted();
                for (Slicer.Slice s : slices) work.add(new Work(i, s, header, Math.max(1, s.to() - s.from())));
            } else {
                work.add(new Work(i, null, null, size));
            }
        }
        return new Plan(work, threads, counted);
    }

    private record Head(CsvSubmissions.Header header, long dataStart, long dataLine) {}

    /**
     * The header of a large UTF-8 CSV file, read from its first bytes; null when the file is anything
     * else (JSON, another encoding, a header that cannot be used): such a file is read whole.
     */
    private static Head head(InputFile f, ReadOptions options) {
        if (options.encoding() != null && !options.encoding().equals(StandardCharsets.UTF_8)) return null;
        byte[] head;
        try (InputStream in = Files.newInputStream(f.path())) {
            head = in.readNBytes(1 << 16);
        } catch (IOException e) {
            return null;
        }
        if (!dev.tally.read.InputFormat.text(head)) return null; // a workbook is read whole
        int start = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        if (head.length >= 2 && ((head[0] & 0xff) == 0xFF || (head[0] & 0xff) == 0xFE)) return null;
        if (start < head.length && (head[start] == '{' || head[start] == '[')) return null;
        byte delim = options.delimiter() != null ? (byte) options.delimiter().charValue() : Delimiters.sniff(head, start, head.length);
        CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(head, start, head.length - start), delim);
        try {
            // a header line must end inside the head, at a line feed
            int nl = -1;
            for (int k = start; k < head.length; k++) {
                if (head[k] == '\n') {
                    nl = k;
                    break;
                }
                if (head[k] == '"' || head[k] == '\r' && (k + 1 >= head.length || head[k + 1] != '\n')) return null;
            }
            if (nl < 0 || !t.next() || t.line() != 1) return null;
            boolean[] bad = {false};
            CsvSubmissions.Header h = CsvSubmissions.header(f.display(), t, new ValueSink() {
                @Override
                public void begin(Field unit, Field period, long line) { }

                @Override
                public void value(Field indicator, Field value, long line, boolean number) { }

                @Override
                public void end() { }

                @Override
                public void problem(Finding finding, long values, long records) { bad[0] = true; }
            });
            return h == null || bad[0] ? null : new Head(h, nl + 1, 2);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Reads and validates every input into one result (a dense table, for the rollup, unless
     * {@code sparse}); {@code planned}: the reading planned beforehand ({@link #plan}), or null.
     */
    public static Validator.Result run(Roster roster, Catalog c, List<Period> within, List<InputFile> inputs, ReadOptions options,
                                       InputStream stdin, int threads, Plan planned, boolean sparse, Watcher watcher) {
        if (inputs.stream().filter(InputFile::stdin).count() > 1) {
            throw TallyException.usage(t("file.stdinOnce"));
        }
        // standard input cannot be read twice, so it is read in one thread (see collides)
        if (inputs.stream().anyMatch(InputFile::stdin)) threads = 1;
        List<String> names = inputs.stream().map(InputFile::display).toList();
        Validator v = new Validator(roster, c, within, names, sparse, options.decimalComma()).spillingTo(options.findingsSpill());
        List<Validator.Part> parts = new ArrayList<>();
        if (inputs.isEmpty()) {
            parts.add(v.part());
            return v.finish(parts, false);
        }
        List<Work> work = planned != null && planned.threads() == threads ? planned.work() : plan(inputs, options, threads).work();
        start(watcher, work, inputs.size());
        int workers = Math.max(1, Math.min(threads, work.size()));
        parts.addAll(v.parts(workers));
        if (workers == 1) {
            drain(parts.get(0), inputs, work, options, stdin, 0, work.size(), watcher);
            return v.finish(parts, false);
        }
        // contiguous runs of work, one per worker: part k reads what comes before part k+1 in input
        // order, so merging the parts in order sees every cell in input order
        int[] bounds = chunks(work, workers);
        ExecutorService pool = Tasks.pool("tally-read", workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                Validator.Part part = parts.get(k);
                int from = bounds[k], to = bounds[k + 1];
                futures.add(pool.submit(() -> drain(part, inputs, work, options, stdin, from, to, watcher)));
            }
            for (Future<?> f : futures) Tasks.get(f);
        } finally {
            pool.shutdownNow();
        }
        if (v.collides(parts)) {
            // a cell given in places read by different threads: read again in input order
            parts.clear();
            parts.add(v.part());
            drain(parts.get(0), inputs, work, options, stdin, 0, work.size(), Watcher.NONE);
            return v.finish(parts, true);
        }
        return v.finish(parts, false);
    }

    /**
     * What was read when the project has eras: one validated result per era (each record went to the
     * era its period lies in), with the findings and counts of all of them together.
     */
    public record EraRead(List<Era> eras, List<Validator.Result> results, List<String> inputs) {
        public Validator.Result of(Era e) { return results.get(e.index()); }

        public Summary summary() {
            Summary s = results.get(0).summary();
            for (int k = 1; k < results.size(); k++) s = s.plus(results.get(k).summary());
            return s;
        }

        /** Every era's findings in input and line order. */
        public List<Finding> findings() {
            if (results.size() == 1) return results.get(0).findings();
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < inputs.size(); k++) index.putIfAbsent(inputs.get(k), k);
            List<Finding> all = new ArrayList<>();
            for (Validator.Result r : results) all.addAll(r.findings());
            all.sort(Comparator.comparingInt((Finding f) -> f.file() == null ? -1 : index.getOrDefault(f.file(), index.getOrDefault(InputFile.fileOf(f.file()), -1))).thenComparingLong(Finding::line));
            return all;
        }
    }

    /**
     * Reads every input once and validates each record against the era its period lies in. With one
     * era this is {@link #run}.
     */
    public static EraRead runEras(List<Era> eras, List<Period> within, List<InputFile> inputs, ReadOptions options, InputStream stdin,
                                  int threads, Plan planned, boolean sparse, Watcher watcher) {
        List<String> names = inputs.stream().map(InputFile::display).toList();
        if (eras.size() == 1) {
            return new EraRead(eras, List.of(run(eras.get(0).roster(), eras.get(0).catalog(), within, inputs, options, stdin, threads, planned,
                    sparse, watcher)), names);
        }
        if (inputs.stream().filter(InputFile::stdin).count() > 1) {
            throw TallyException.usage(t("file.stdinOnce"));
        }
        if (inputs.stream().anyMatch(InputFile::stdin)) threads = 1;
        List<Validator> validators = new ArrayList<>();
        for (Era e : eras) {
            validators.add(new Validator(e.roster(), e.catalog(), within, names, sparse, options.decimalComma()).spillingTo(options.findingsSpill()));
        }
        List<Work> work = inputs.isEmpty() ? List.of()
                : planned != null && planned.threads() == threads ? planned.work() : plan(inputs, options, threads).work();
        start(watcher, work, inputs.size());
        int workers = Math.max(1, Math.min(threads, work.size()));
        // parts[era][worker]
        List<List<Validator.Part>> parts = new ArrayList<>();
        for (Validator v : validators) {
            List<Validator.Part> ps = new ArrayList<>();
            ps.addAll(v.parts(workers));
            parts.add(ps);
        }
        int[] bounds = chunks(work, workers);
        ExecutorService pool = Tasks.pool("tally-read", workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                Validator.Part[] mine = new Validator.Part[eras.size()];
                for (int e = 0; e < eras.size(); e++) mine[e] = parts.get(e).get(k);
                EraRouter router = new EraRouter(eras, mine);
                int from = bounds[k], to = bounds[k + 1];
                futures.add(pool.submit(() -> drain(router, inputs, work, options, stdin, from, to, watcher)));
            }
            for (Future<?> f : futures) Tasks.get(f);
        } finally {
            pool.shutdownNow();
        }
        boolean reread = false;
        for (int e = 0; e < eras.size(); e++) reread |= validators.get(e).collides(parts.get(e));
        if (reread) {
            Validator.Part[] one = new Validator.Part[eras.size()];
            for (int e = 0; e < eras.size(); e++) {
                parts.get(e).clear();
                parts.get(e).add(one[e] = validators.get(e).part());
            }
            drain(new EraRouter(eras, one), inputs, work, options, stdin, 0, work.size(), Watcher.NONE);
        }
        List<Validator.Result> results = new ArrayList<>();
        for (int e = 0; e < eras.size(); e++) results.add(validators.get(e).finish(parts.get(e), reread));
        return new EraRead(eras, List.copyOf(results), names);
    }

    /** Splits the work into contiguous runs of about equal size in bytes for the workers. */
    static int[] chunks(List<Work> work, int workers) {
        long total = 0;
        for (Work w : work) total += w.bytes();
        int[] bounds = new int[workers + 1];
        bounds[workers] = work.size();
        long acc = 0;
        int k = 1;
        for (int i = 0; i < work.size() && k < workers; i++) {
            acc += work.get(i).bytes();
            while (k < workers && acc >= total * k / workers) bounds[k++] = i + 1;
        }
        for (; k < workers; k++) bounds[k] = work.size();
        return bounds;
    }

    private static void drain(ValueSink part, List<InputFile> inputs, List<Work> work, ReadOptions options, InputStream stdin,
                              int from, int to, Watcher watcher) {
        Submissions.Scratch scratch = new Submissions.Scratch();
        byte[] buffer = null;
        for (int i = from; i < to; i++) {
            Work w = work.get(i);
            InputFile file = inputs.get(w.input());
            part.input(w.input());
            if (w.slice() == null) {
                Submissions.read(file, stdin, options, part, scratch);
                watcher.read(w.bytes(), true);
                continue;
            }
            try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
                ch.position(w.slice().from());
                CsvTokenizer t = new CsvTokenizer(Channels.newInputStream(ch), w.header().delimiter(), w.slice().firstLine(),
                        w.slice().to() - w.slice().from(), buffer);
                CsvSubmissions.rows(file.display(), t, w.header(), part);
                buffer = t.buffer();
            } catch (IOException e) {
                throw TallyException.io(t("file.cannotRead", file.display(), reason(e)));
            }
            // a file cut in slices is done with its last slice
            watcher.read(w.bytes(), i + 1 >= work.size() || work.get(i + 1).input() != w.input());
        }
    }
}
