package dev.tally.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
        Bom bom = Bom.of(in.read(), in.read(), in.read());
        in.reset();
        for (int i = 0; i < bom.skip; i++) in.read();
        return new Opened(new InputStreamReader(in, decoder(bom.charset(fallback), strict)), bom.charset(fallback), bom != Bom.NONE);
    }

    /**
     * The whole of {@code bytes} as text, by the rules of {@link #open} (strict): one pass of the
     * decoder over the array, without a reader's buffers (a units file of 110,000 lines is 4 MB).
     */
    public static String decode(byte[] bytes, Charset fallback) throws CharacterCodingException {
        Bom bom = Bom.of(bytes);
        return decoder(bom.charset(fallback), true).decode(ByteBuffer.wrap(bytes, bom.skip, bytes.length - bom.skip)).toString();
    }

    /**
     * {@code bytes} as UTF-8 without a byte order mark: the array itself when it is that already (then
     * {@code from} is 0, or 3 past a UTF-8 BOM), else {@code text} (the bytes decoded) encoded again.
     */
    public record Utf8(byte[] bytes, int from) {
        public static Utf8 of(byte[] bytes, String text) {
            Bom bom = Bom.of(bytes);
            return switch (bom) {
                case NONE -> new Utf8(bytes, 0);
                case UTF_8 -> new Utf8(bytes, 3);
                default -> new Utf8(text.getBytes(StandardCharsets.UTF_8), 0);
            };
        }
    }

    private static CharsetDecoder decoder(Charset cs, boolean strict) {
        return cs.newDecoder()
                .onMalformedInput(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
                .onUnmappableCharacter(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
    }

    /** The byte order marks text may start with; NONE leaves the charset to the caller. */
    private enum Bom {
        NONE(null, 0), UTF_8(StandardCharsets.UTF_8, 3), UTF_16LE(StandardCharsets.UTF_16LE, 2), UTF_16BE(StandardCharsets.UTF_16BE, 2);

        final Charset charset;
        final int skip;

        Bom(Charset charset, int skip) {
            this.charset = charset;
            this.skip = skip;
        }

        /** From the start of a whole text. */
        static Bom of(byte[] b) {
            return of(b.length > 0 ? b[0] & 0xff : -1, b.length > 1 ? b[1] & 0xff : -1, b.length > 2 ? b[2] & 0xff : -1);
        }

        /** From the first three bytes (-1 past the end). */
        static Bom of(int b0, int b1, int b2) {
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return UTF_8;
            if (b0 == 0xFF && b1 == 0xFE) return UTF_16LE;
            if (b0 == 0xFE && b1 == 0xFF) return UTF_16BE;
            return NONE;
        }

        Charset charset(Charset fallback) {
            return charset != null ? charset : fallback == null ? StandardCharsets.UTF_8 : fallback;
        }
    }
}
