package dev.tally.io;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The small amount of concurrency tally needs, in one place: daemon worker pools (so a failing
 * command never hangs on exit) and waiting for results such that the task's own exception — a
 * {@link TallyException} with its exit code, usually — reaches the caller unwrapped.
 */
public final class Tasks {
    private Tasks() {}

    public static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    public static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TallyException.io(t("file.interrupted"));
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException re) return re;
        if (cause instanceof Error err) throw err;
        return new IllegalStateException(cause);
    }
}
