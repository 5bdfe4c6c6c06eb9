package dev.tally.validate;

import dev.tally.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Every finding of a run, in input and line order: those listed (kept in memory) merged with those
 * past the listing limit, which a run that was asked to keep them all ({@link Validator#spillingTo})
 * kept on disk. Without that, the same as the listed ones. Read once, as a stream: what it hands out
 * is never all in memory at once. {@link #close} deletes what was kept on disk.
 *
 * <p>Each source is already in input and line order: the listed findings are sorted, and a reading
 * thread's spill holds its contiguous run of the inputs in the order it read them, the threads' runs
 * following one another; so a merge of the sources is in order.
 */
public final class EveryFinding implements Iterable<Finding>, AutoCloseable {
    private final List<List<Validator.Located>> lists;
    private final List<FindingSpill> spills;
    private final long count;

    EveryFinding(List<List<Validator.Located>> lists, List<FindingSpill> spills) {
        this.lists = lists;
        this.spills = spills;
        long n = 0;
        for (List<Validator.Located> l : lists) n += l.size();
        for (FindingSpill s : spills) n += s.count();
        this.count = n;
    }

    /** Every era's findings of the same inputs, as one. */
    public static EveryFinding of(List<EveryFinding> eras) {
        if (eras.size() == 1) return eras.get(0);
        List<List<Validator.Located>> lists = new ArrayList<>();
        List<FindingSpill> spills = new ArrayList<>();
        for (EveryFinding e : eras) {
            lists.addAll(e.lists);
            spills.addAll(e.spills);
        }
        return new EveryFinding(lists, spills);
    }

    /** How many findings there are in all. */
    public long count() { return count; }

    /** Whether some of them were kept on disk. */
    public boolean spilled() { return !spills.isEmpty(); }

    @Override
    public Iterator<Finding> iterator() {
        // each spill is one source only once the run's parts are in order; lists and spills alike are
        // merged by (input, line), ties in source order, as a stable sort would leave them
        List<Iterator<Validator.Located>> sources = new ArrayList<>();
        for (List<Validator.Located> l : lists) sources.add(l.iterator());
        for (FindingSpill s : spills) sources.add(s.read());
        record Head(Validator.Located at, int source) {}
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingInt((Head h) -> h.at().input())
                .thenComparingLong(h -> h.at().line()).thenComparingInt(Head::source));
        for (int k = 0; k < sources.size(); k++) if (sources.get(k).hasNext()) heads.add(new Head(sources.get(k).next(), k));
        return new Iterator<>() {
            @Override
            public boolean hasNext() { return !heads.isEmpty(); }

            @Override
            public Finding next() {
                Head h = heads.poll();
                if (h == null) throw new NoSuchElementException();
                Iterator<Validator.Located> from = sources.get(h.source());
                if (from.hasNext()) heads.add(new Head(from.next(), h.source()));
                return h.at().finding();
            }
        };
    }

    @Override
    public void close() { for (FindingSpill s : spills) s.close(); }
}
