package dev.tally.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The output formats, one entry each: its file extensions (the first is the one written), what it is
 * (for people or programs, binary, with a place for metadata) and the writer it opens. Commands ask
 * the entry what a format is rather than list formats; {@link Writers#create} opens the entry's writer. Adding a format
 * is a writer in a file of its own and an entry here. {@code table} is for a terminal, the others
 * for programs and spreadsheets.
 */
public enum Format {
    TABLE(List.of(".txt"), (out, o) -> new TextTable(out, o.width(), o.numbers(), o.colour()), Trait.PEOPLE, Trait.WIDE),
    CSV(List.of(".csv"), (out, o) -> new FastDelimited(out, o.delimiter(), false, o)),
    TSV(List.of(".tsv", ".tab"), (out, o) -> new FastDelimited(out, '\t', true, o)),
    JSON(List.of(".json"), (out, o) -> new JsonTable(out, false, o.coverage()), Trait.META),
    NDJSON(List.of(".ndjson", ".jsonl"), (out, o) -> new JsonTable(out, true, o.coverage())),
    MARKDOWN(List.of(".md", ".markdown"), (out, o) -> new Markdown(out, o.numbers()), Trait.PEOPLE, Trait.WIDE),
    XLSX(List.of(".xlsx"), (out, o) -> new Xlsx(out, o.warnings()), Trait.BINARY, Trait.META, Trait.WIDE);

    /** Opens a format's writer over a stream the caller owns (see {@link Writers#create}). */
    @FunctionalInterface
    interface Opener {
        TableSink open(OutputStream out, WriteOptions options) throws IOException;
    }

    /** What a format is; each is asked through its method below. */
    private enum Trait { PEOPLE, BINARY, META, WIDE }

    private final List<String> extensions;
    private final Opener opener;
    private final Set<Trait> traits;

    Format(List<String> extensions, Opener opener, Trait... traits) {
        this.extensions = extensions;
        this.opener = opener;
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(List.of(traits));
    }

    /** The format's writer over {@code out}. */
    TableSink open(OutputStream out, WriteOptions options) throws IOException { return opener.open(out, options); }

    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** A format a terminal cannot show. */
    public boolean binary() { return traits.contains(Trait.BINARY); }

    /** Read by people rather than programs: headings and values may be in the run's language, numbers as its locale writes them. */
    public boolean people() { return traits.contains(Trait.PEOPLE); }

    /**
     * A table people read, as text or in a spreadsheet: a rollup is wide by default, indicators named
     * in its header (a workbook too, though its numbers stay numbers and its words are not translated).
     */
    public boolean wide() { return traits.contains(Trait.WIDE); }

    /**
     * Has a place for a run's metadata (JSON's header object, a workbook's metadata sheet); the other
     * formats ignore it, so a command need not compute it for them (the catalog's SHA-256 costs a
     * start-up its digest provider).
     */
    public boolean carriesMeta() { return traits.contains(Trait.META); }

    /** The file extension this format is written with. */
    public String extension() { return extensions.get(0); }

    /** The format a file name implies, or null when its extension says nothing. */
    public static Format fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Format f : values()) for (String e : f.extensions) if (n.endsWith(e)) return f;
        return null;
    }
}
