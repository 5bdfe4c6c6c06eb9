package dev.tally.workspace;

import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import dev.tally.model.Indicator;
import dev.tally.model.Period;
import dev.tally.model.Unit;
import dev.tally.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completeness and timeliness per parent unit: of its children that are expected to report (units at
 * a level some indicator is reported at), how many sent a submission for the period, how many on
 * time (received no later than {@code deadlineDays} after the period's last day), how many late, and
 * which are missing. The rate is received over expected, so it never exceeds 100.
 */
public final class Status {
    private Status() {}

    public record Row(Period period, Unit parent, int expected, int received, int onTime, int late, List<Unit> missing,
                      BigDecimal rate) {}

    public static List<Row> compute(Hierarchy h, Catalog c, List<Store.Arrival> arrivals, int deadlineDays, List<Period> periods,
                                    Unit scope) {
        Set<Integer> reportingDepths = new HashSet<>();
        for (Indicator ind : c.indicators()) if (!ind.derived()) reportingDepths.add(h.reportingDepth(ind));
        Map<String, Map<String, OffsetDateTime>> byPeriod = new HashMap<>();
        TreeSet<Period> seen = new TreeSet<>();
        for (Store.Arrival a : arrivals) {
            byPeriod.computeIfAbsent(a.period(), k -> new HashMap<>()).put(a.unit(), OffsetDateTime.parse(a.received()));
            Period.parse(a.period()).ifPresent(seen::add);
        }
        List<Period> targets = periods.isEmpty() ? new ArrayList<>(seen) : periods;
        List<Row> rows = new ArrayList<>();
        List<Unit> parents = scope == null ? h.units() : h.subtree(scope);
        for (Period p : targets) {
            Map<String, OffsetDateTime> got = byPeriod.getOrDefault(p.text(), Map.of());
            LocalDate due = p.end().plusDays(deadlineDays);
            for (Unit parent : parents) {
                int expected = 0, received = 0, onTime = 0;
                List<Unit> missing = new ArrayList<>();
                for (Unit child : h.children(parent)) {
                    if (!reportingDepths.contains(child.depth())) continue;
                    expected++;
                    OffsetDateTime when = got.get(child.code());
                    if (when == null) {
                        missing.add(child);
                        continue;
                    }
                    received++;
                    if (!when.toLocalDate().isAfter(due)) onTime++;
                }
                if (expected == 0) continue;
                BigDecimal rate = BigDecimal.valueOf(100L * received).divide(BigDecimal.valueOf(expected), 1, RoundingMode.HALF_UP);
                rows.add(new Row(p, parent, expected, received, onTime, received - onTime, missing, rate));
            }
        }
        return rows;
    }
}
