package dev.tally.workspace;

import static dev.tally.model.Text.t;

import dev.tally.model.Hierarchy;
import dev.tally.model.Period;
import dev.tally.model.TallyException;
import dev.tally.model.Unit;
import dev.tally.store.Store;
import java.util.List;

/**
 * What a lock covers, the one rule for it (import refuses what it covers, status marks it, history
 * lists it): the lock's period and every period inside it (2024 covers 2024-H1, 2024-Q2, 2024-05);
 * its form, or every form; its unit and every unit below it in the hierarchy of the submission's era,
 * or every unit. A signed six-month review of a district locks the district's and its communes' reports
 * for the half-year and its months.
 */
public final class Locks {
    private Locks() {}

    /**
     * True when lock {@code l} covers unit {@code unit}'s form {@code form} (null: some form) for
     * {@code p} in hierarchy {@code h}; {@code unit} null stands for every unit (a total), which only a
     * lock of every unit covers.
     */
    public static boolean covers(Store.Lock l, Hierarchy h, String unit, String form, Period p) {
        if (form != null && l.form() != null && !l.form().equals(form)) return false;
        if (unit == null && l.unit() != null) return false;
        Period locked = Period.parse(l.period()).orElse(null);
        if (locked == null ? !l.period().equals(p.text()) : !locked.contains(p)) return false;
        if (l.unit() == null || l.unit().equals(unit)) return true;
        // below the locked unit: an ancestor of the unit is the locked one
        Unit u = h == null ? null : h.unit(unit);
        while (u != null && u.parent() != null) {
            if (u.parent().equals(l.unit())) return true;
            u = h.unit(u.parent());
        }
        return false;
    }

    /** The first lock in force of {@code locks} that covers the unit's form for the period; null when none does. */
    public static Store.Lock covering(List<Store.Lock> locks, Hierarchy h, String unit, String form, Period p) {
        for (Store.Lock l : locks) if (l.active() && covers(l, h, unit, form, p)) return l;
        return null;
    }

    /** What {@link #lock} did: the lock in force on the slice, and whether it was there already. */
    public record Locked(Store.Lock lock, boolean already) {}

    /**
     * Locks a slice (period, form or null, unit or null) in one write that waits for every import:
     * none is half-way through it. A slice locked already is left as it is.
     */
    public static Locked lock(Store store, Store.Who who, String period, String form, String unit, String at, String reason) {
        try (Store.Batch b = store.begin(who)) {
            for (Store.Lock l : b.locks()) if (same(l, period, form, unit)) return new Locked(l, true);
            long id = b.lock(period, form, unit, at, reason);
            b.commit();
            return new Locked(new Store.Lock(id, period, form, unit, who.user(), who.host(), at, reason, null, null, null, null), false);
        } catch (java.sql.SQLException e) {
            throw TallyException.io(t("lock.failed", store.name(), e.getMessage()));
        }
    }

    /** Lifts the lock in force on exactly this slice; null when there is none (nothing changes). */
    public static Store.Lock unlock(Store store, Store.Who who, String period, String form, String unit, String at, String reason) {
        try (Store.Batch b = store.begin(who)) {
            for (Store.Lock l : b.locks()) {
                if (!same(l, period, form, unit)) continue;
                b.unlock(l.id(), at, reason);
                b.commit();
                return l;
            }
            return null;
        } catch (java.sql.SQLException e) {
            throw TallyException.io(t("lock.failed", store.name(), e.getMessage()));
        }
    }

    private static boolean same(Store.Lock l, String period, String form, String unit) {
        return l.period().equals(period) && java.util.Objects.equals(l.form(), form) && java.util.Objects.equals(l.unit(), unit);
    }

    /** A lock's slice in words: "2024-H1, form dan_van, unit BG-LN and below" (every form, every unit when none is named). */
    public static String slice(Store.Lock l) {
        return t("lock.slice", l.period(), l.form() == null ? t("lock.everyForm") : t("lock.form", l.form()),
                l.unit() == null ? t("lock.everyUnit") : t("lock.unit", l.unit()));
    }

    /** Who locked it and when: "lan (may-tinh) at 2024-07-31T10:00+07:00". */
    public static String by(String user, String host, String at) {
        return host == null || host.isEmpty() ? t("lock.byAt", user, at) : t("lock.byHostAt", user, host, at);
    }
}
