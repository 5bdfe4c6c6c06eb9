package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.Catalog;
import dev.tally.model.Form;
import dev.tally.model.Indicator;
import dev.tally.model.TallyException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * --form on the commands that show indicators (rollup, report): a form's indicators, as its catalog
 * entry lists them, added to those --indicator names, and each derived indicator whose operands are
 * all among them (a form lists what units send; its rates are computed); neither given, every indicator. A form the
 * catalog does not have is a usage error that lists the ones it has, as status says it.
 */
final class FormSelection {
    @Option(names = "--form", paramLabel = "CODE", description = "Only the indicators of this form (repeatable; with --indicator, "
            + "those too; a derived indicator whose operands are all shown is shown too; default: every indicator).")
    List<String> forms = new ArrayList<>();

    /** The indicators shown: those {@code codes} names and those of each form asked for, in catalog order; all when neither. */
    List<Indicator> indicators(Catalog c, List<String> codes) {
        if (forms.isEmpty()) return ProjectOptions.selected(c, codes);
        Set<String> all = new LinkedHashSet<>(codes);
        for (String f : forms) {
            Form form = c.form(f);
            if (form == null) {
                throw TallyException.usage(t("usage.notForm", f, c.forms().stream().map(Form::code).collect(Collectors.joining(", "))));
            }
            all.addAll(form.indicators());
        }
        // a derived indicator whose every operand is shown goes with them (a form lists what units send)
        for (Indicator ind : c.indicators()) {
            if (ind.derived() && !all.contains(ind.code()) && all.containsAll(dev.tally.expr.Formula.compile(ind.formula()).variables())) {
                all.add(ind.code());
            }
        }
        return ProjectOptions.selected(c, new ArrayList<>(all));
    }

    /** Whether anything narrows the indicators shown. */
    boolean narrows(List<String> codes) { return !forms.isEmpty() || !codes.isEmpty(); }
}
