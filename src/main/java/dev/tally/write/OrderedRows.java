package dev.tally.write;

import dev.tally.io.Tasks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A large table's rows made in parallel and written in order. The rows are cut into chunks; each
 * chunk's rows are made by the same code either way, into the output's own sink or, where the
 * format can {@link TableSink#fork fork} (csv, tsv), into a copy of it writing to memory on a worker,
 * whose bytes are then appended in chunk order. At most two chunks per worker are in memory at once,
 * in buffers used again and again, so memory stays bounded whatever the output's size.
 */
public final class OrderedRows {
    private OrderedRows() {}

    /** Makes the rows of one chunk into a sink. */
    public interface Chunk {
        void rows(int chunk, TableSink into) throws IOException;
    }

    /** How many chunks were made on workers: tests prove the parallel way is taken. */
    static final AtomicLong FORKED = new AtomicLong();

    public static long forked() { return FORKED.get(); }

    /** Writes chunks 0..count-1 to {@code sink} in order, on {@code threads} workers where the format allows. */
    public static void write(TableSink sink, int count, int threads, Chunk chunk) throws IOException {
        if (threads < 2 || count < 2 || sink.fork(new ByteArrayOutputStream()) == null) {
            for (int k = 0; k < count; k++) chunk.rows(k, sink);
            return;
        }
        ExecutorService pool = Tasks.pool("tally-write", threads);
        // buffers go back to a free list once appended: a chunk's bytes are written into the memory of an
        // earlier chunk, so the heap holds the chunks in flight and makes no garbage of them
        java.util.concurrent.ConcurrentLinkedQueue<ByteArrayOutputStream> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try {
            ArrayDeque<Future<ByteArrayOutputStream>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < count; done++) {
                while (next < count && ahead.size() < 2 * threads) {
                    int k = next++;
                    ahead.add(pool.submit(() -> {
                        ByteArrayOutputStream reused = free.poll();
                        ByteArrayOutputStream bytes = reused != null ? reused : new ByteArrayOutputStream(1 << 18);
                        TableSink part = sink.fork(bytes);
                        try {
                            chunk.rows(k, part);
                            part.finish();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        FORKED.incrementAndGet();
                        return bytes;
                    }));
                }
                ByteArrayOutputStream bytes = Tasks.get(ahead.poll());
                sink.append(bytes);
                bytes.reset();
                free.add(bytes);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
