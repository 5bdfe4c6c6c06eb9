package dev.tally.workspace;

import static dev.tally.model.Text.t;

import dev.tally.store.Changes;
import dev.tally.store.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What changed from one stored version of a submission to the next, in words a person reads. */
public final class History {
    private History() {}

    /**
     * e.g. ["dialogues 3 → 5", "+ cadres_trained 12", "- comment_count"], or ["first version: 5 values"];
     * for a rejected arrival, why and that nothing of it was stored. {@code previous} is the stored
     * version before (rejected arrivals have nothing to compare with).
     */
    public static List<String> changes(Store.Version previous, Store.Version current) {
        List<String> out = new ArrayList<>();
        if (current.rejected()) {
            out.add(t("history.rejected", String.join(", ", new java.util.LinkedHashSet<>(current.errors()))));
            return out;
        }
        if (previous == null) {
            out.add(t(current.values().size() == 1 ? "history.first.one" : "history.first.many", current.values().size()));
            return out;
        }
        // the changes the audit keeps for the version, by the same rule
        for (Changes.Change c : Changes.between(previous.values(), current.values())) {
            if (!c.has()) out.add(t("history.was", c.indicator(), shown(c.before())));
            else if (!c.had()) out.add("+ " + c.indicator() + " " + shown(c.after()));
            else out.add(c.indicator() + " " + shown(c.before()) + " → " + shown(c.after()));
        }
        if (out.isEmpty()) out.add(t("history.noChange"));
        return out;
    }

    private static String shown(BigDecimal v) { return v == null ? t("history.missing") : v.toPlainString(); }

    /** Who wrote a version: "lan@may-tinh-01", the user alone without a host, empty for an import before schema 3. */
    public static String by(String user, String host) {
        if (user == null || user.isEmpty()) return "";
        return host == null || host.isEmpty() ? user : user + "@" + host;
    }

    /** A lock or unlock of a slice that covers a unit's submission: when, by whom, the form it names (null: every form), what. */
    public record LockEvent(String at, String by, String form, String what) {}

    /**
     * The locks and unlocks that cover the unit's submissions for the period (of {@code form}, or of
     * any form when null), as {@link Locks} says, in the order they happened.
     */
    public static List<LockEvent> lockEvents(List<Store.Lock> locks, dev.tally.model.Hierarchy h, String unit, String form,
                                             dev.tally.model.Period p) {
        List<LockEvent> out = new ArrayList<>();
        for (Store.Lock l : locks) {
            if (!Locks.covers(l, h, unit, form, p)) continue;
            out.add(new LockEvent(l.at(), by(l.by(), l.host()), l.form(), t("history.locked", l.id(), Locks.slice(l),
                    l.reason() == null ? "" : t("lock.because", l.reason()))));
            if (!l.active()) {
                out.add(new LockEvent(l.unlockedAt(), by(l.unlockedBy(), l.unlockedHost()), l.form(), t("history.unlocked", l.id(),
                        l.unlockReason() == null ? "" : t("lock.because", l.unlockReason()))));
            }
        }
        out.sort(java.util.Comparator.comparing(e -> java.time.OffsetDateTime.parse(e.at()).toInstant()));
        return out;
    }
}
