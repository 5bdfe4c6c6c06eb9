package dev.tally.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens text with its encoding settled: a UTF-8 BOM or a UTF-16 BOM (either order) wins and is
 * skipped; otherwise the given charset (UTF-8 by default). Decoding is strict, so bytes that are
 * not valid in the encoding raise {@link java.nio.charset.CharacterCodingException} instead of
 * turning silently into replacement characters.
 */
public final class TextInput {
    private TextInput() {}

    /** The charset settled for a stream: what the BOM says, else the fallback. Consumes the BOM. */
    public record Opened(Reader reader, Charset charset, boolean bom) {}

    public static Opened open(InputStream raw, Charset fallback) throws IOException {
        return open(raw, fallback, true);
    }

    /**
     * With {@code strict} false, invalid bytes decode to U+FFFD instead of raising, so a reader can
     * name the exact line that holds them and go on with the rest.
     */
    public static Opened open(InputStream raw, Charset fallback, boolean strict) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read(), b1 = in.read(), b2 = in.read();
        Charset cs;
        boolean bom = true;
        int skip;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            cs = fallback == null ? StandardCharsets.UTF_8 : fallback;
            bom = false;
            skip = 0;
        }
        in.reset();
        for (int i = 0; i < skip; i++) in.read();
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
                .onUnmappableCharacter(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
        return new Opened(new InputStreamReader(in, dec), cs, bom);
    }
}
