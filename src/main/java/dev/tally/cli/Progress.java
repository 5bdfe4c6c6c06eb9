package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.ingest.Ingest;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress line on standard error while submissions are read — megabytes and files read, the rate
 * and the time left — only when standard error is a terminal, not with --quiet, and only once the
 * reading has taken a second: a short run shows nothing, a pipe or a cron log gets nothing.
 */
final class Progress implements Ingest.Watcher, AutoCloseable {
    private final Io io;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger files = new AtomicInteger();
    private volatile long total;
    private volatile int totalFiles;
    /** How long reading runs before the line appears; tests set 0. */
    static volatile long delayMillis = 1000;
    private ScheduledExecutorService timer;
    private long started;
    private ProgressBar bar;

    private Progress(Io io) { this.io = io; }

    /** A watcher for a command's reading: a progress line where a person watches, nothing elsewhere. */
    static Progress of(Io io, boolean quiet) { return io.errTerminal() && !quiet ? new Progress(io) : null; }

    @Override
    public synchronized void start(long bytes, int files) {
        total = bytes;
        totalFiles = files;
        if (timer != null) return;
        started = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tally-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                show();
            } catch (RuntimeException | Error e) {
                if (System.getenv("TALLY_DEBUG") != null) e.printStackTrace(io.err());
            }
        }, delayMillis, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void read(long n, boolean fileDone) {
        bytes.addAndGet(n);
        if (fileDone) files.incrementAndGet();
    }

    private synchronized void show() {
        if (timer == null) return;
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(t("progress.reading")).setInitialMax(Math.max(1, total / 1_000_000)).setUnit(" MB", 1)
                    .showSpeed().setStyle(ProgressBarStyle.ASCII)
                    // the line appears after a second: its clock and rate count from the start of the reading
                    .startsFrom(bytes.get() / 1_000_000, java.time.Duration.ofNanos(System.nanoTime() - started)).setUpdateIntervalMillis(250).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(io.err())).build();
        }
        bar.stepTo(bytes.get() / 1_000_000);
        bar.setExtraMessage(" " + t("progress.files", files.get(), totalFiles));
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            // a run that outlasted the delay but ended between two ticks still shows where it ended
            if (bar == null && System.nanoTime() - started >= delayMillis * 1_000_000) show();
        }
        timer = null;
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.setExtraMessage(" " + t("progress.files", totalFiles, totalFiles));
            bar.close();
            bar = null;
        }
    }
}
