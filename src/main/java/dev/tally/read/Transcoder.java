package dev.tally.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes text in another encoding (UTF-16, windows-1258, …) as UTF-8 bytes, so every reader
 * works on UTF-8 alone. Bytes that are not valid in the source encoding become U+FFFD, which the
 * tokenizer reports as an encoding finding on that line.
 */
final class Transcoder extends InputStream {
    private final Reader in;
    private final CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;

    Transcoder(InputStream raw, Charset from) {
        this.in = new InputStreamReader(raw, from.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        bytes.flip();
        chars.flip();
    }

    private boolean refill() throws IOException {
        while (!bytes.hasRemaining()) {
            if (!chars.hasRemaining() && eof) return false;
            chars.compact();
            int n = eof ? -1 : in.read(chars);
            if (n < 0) eof = true;
            chars.flip();
            bytes.clear();
            enc.encode(chars, bytes, eof);
            if (eof && !chars.hasRemaining()) enc.flush(bytes);
            bytes.flip();
            if (eof && !bytes.hasRemaining() && !chars.hasRemaining()) return false;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return refill() ? bytes.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!refill()) return -1;
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
