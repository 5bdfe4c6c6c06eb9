package dev.tally.config;

import static dev.tally.model.Text.t;

import dev.tally.expr.Formula;
import dev.tally.model.Aggregate;
import dev.tally.model.Catalog;
import dev.tally.model.Form;
import dev.tally.model.PeriodType;
import dev.tally.model.Indicator;
import dev.tally.model.IndicatorType;
import dev.tally.model.MissingStrategy;
import dev.tally.model.OverTime;
import dev.tally.model.Rule;
import dev.tally.model.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads the indicator catalog from YAML or JSON ({@code indicators:} and {@code rules:}) or CSV
 * (a header starting with {@code code}, then any of the indicator fields). Every problem is reported
 * with file and line and thrown together as a configuration error (exit 3): unknown field, unknown
 * type, aggregate or over_time, duplicate code, a formula or rule naming an unknown indicator, a
 * formula cycle, an expression that does not parse, a reported_at that is not a level.
 */
public final class CatalogLoader {
    private CatalogLoader() {}

    /**
     * What an indicator's or a form's code may be (a formula names it): compiled once, where
     * String.matches compiled it again for every code (50 indicators: 5 ms of every run's start).
     */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static boolean isCode(String s) { return CODE.matcher(s).matches(); }

    static final List<String> INDICATOR_FIELDS = List.of("code", "name", "type", "unit", "required", "min", "max",
            "decimals", "aggregate", "over_time", "reported_at", "formula", "form", "better");
    static final List<String> FORM_FIELDS = List.of("code", "name", "period", "deadline_days", "reported_at", "indicators");
    static final List<String> RULE_FIELDS = List.of("name", "check", "severity", "message", "missing");

    /** A field value with its line, so a bad value can be pointed at. */
    private record Field(String value, int line) {}

    /** A parsed catalog with the line of each reported_at, so it can be checked against the levels later. */
    public record Parsed(Catalog catalog, Map<String, Integer> reportedAtLines, List<String> warnings) {}

    public static Catalog load(Path path, List<String> levels) {
        return parse(path, levels).catalog();
    }

    /** Every reported_at must name a level (when levels are known); one line per problem, exit 3. */
    public static void checkLevels(Path path, Parsed p, List<String> levels) {
        ConfigErrors errors = new ConfigErrors(path.toString());
        levelProblems(p.catalog(), p.reportedAtLines(), levels, errors);
        errors.throwIfAny();
    }

    private static void levelProblems(Catalog c, Map<String, Integer> lines, List<String> levels, ConfigErrors errors) {
        if (levels == null || levels.isEmpty()) return;
        for (Form f : c.forms()) {
            String at = f.reportedAt();
            if (at != null && levels.stream().noneMatch(l -> l.equalsIgnoreCase(at))) {
                errors.add(lines.getOrDefault("form " + f.code(), 0), t("catalog.formReportedAt", f.code(), at, String.join(", ", levels)));
            }
        }
        for (Indicator ind : c.indicators()) {
            String at = ind.reportedAt();
            if (at != null && !lines.containsKey(ind.code())) continue; // from its form, reported there
            if (at != null && levels.stream().noneMatch(l -> l.equalsIgnoreCase(at))) {
                errors.add(lines.getOrDefault(ind.code(), 0), t("catalog.indicatorReportedAt", ind.code(), at, String.join(", ", levels)));
            }
        }
    }

    /** Reads and checks; reported_at against {@code levels} too unless they are null (then see {@link #checkLevels}). */
    public static Parsed parse(Path path, List<String> levels) {
        ConfigFiles.Loaded file = ConfigFiles.load(path, "catalog");
        String name = path.toString();
        ConfigErrors errors = new ConfigErrors(name);
        List<Map<String, Field>> inds = new ArrayList<>();
        List<Map<String, Field>> rules = new ArrayList<>();
        List<Map<String, Field>> forms = new ArrayList<>();
        ConfigFiles.Kind kind = ConfigFiles.kind(path, file.text());
        if (kind == ConfigFiles.Kind.CSV) {
            readCsv(file.text(), errors, inds);
        } else {
            readTree(Node.parse(file.reader(), kind == ConfigFiles.Kind.YAML, name), errors, inds, rules, forms);
        }
        // unknown fields are reported together with what building finds, so one run lists every problem
        Map<String, Integer> reportedAt = new HashMap<>();
        Catalog c = build(inds, rules, forms, errors, file::sha256, reportedAt);
        if (levels != null) levelProblems(c, reportedAt, levels, errors);
        errors.throwIfAny();
        return new Parsed(c, reportedAt, List.of());
    }

    private static void readCsv(String text, ConfigErrors errors, List<Map<String, Field>> out) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setDelimiter(dev.tally.read.Delimiters.sniff(text)).get();
        LineIndex lines = new LineIndex(text);
        try (CSVParser p = CSVParser.parse(text, fmt)) {
            List<String> header = p.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            if (header.isEmpty() || !header.get(0).equals("code")) {
                errors.add(1, t("catalog.headerMustStart", String.join(",", INDICATOR_FIELDS.subList(1, INDICATOR_FIELDS.size()))));
                return;
            }
            for (String h : header) {
                if (!INDICATOR_FIELDS.contains(h)) errors.add(1, unknownField(h, INDICATOR_FIELDS, "indicator"));
            }
            byte delimiter = (byte) fmt.getDelimiterString().charAt(0);
            for (CSVRecord r : p) {
                int line = lines.lineOf(r.getCharacterPosition());
                if (!errors.width(line, r.size(), header.size(), delimiter)) continue;
                Map<String, Field> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < r.size(); i++) {
                    if (!r.get(i).isBlank()) m.put(header.get(i), new Field(r.get(i).strip(), line));
                }
                m.put("@line", new Field("", line));
                out.add(m);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            errors.add(0, t("catalog.validCsv", e.getMessage()));
        }
    }

    private static void readTree(Node root, ConfigErrors errors, List<Map<String, Field>> inds, List<Map<String, Field>> rules,
                                 List<Map<String, Field>> forms) {
        Node indNode, ruleNode = null, formNode = null;
        if (root.isList()) {
            indNode = root;
        } else if (root.isMap()) {
            for (String k : root.map().keySet()) {
                if (!k.equals("indicators") && !k.equals("rules") && !k.equals("forms")) {
                    errors.add(root.map().get(k).line(), t("catalog.unknownTopLevel", k));
                }
            }
            indNode = root.map().get("indicators");
            ruleNode = root.map().get("rules");
            formNode = root.map().get("forms");
        } else {
            errors.add(root.line(), t("catalog.expectedIndicatorsList"));
            return;
        }
        if (indNode == null || !indNode.isList()) {
            errors.add(root.line(), t("catalog.catalogNeedsIndicators"));
            return;
        }
        flatten(indNode, INDICATOR_FIELDS, "indicator", errors, inds);
        if (ruleNode != null && !ruleNode.isNull()) {
            if (!ruleNode.isList()) errors.add(ruleNode.line(), t("catalog.rulesMustBe"));
            else flatten(ruleNode, RULE_FIELDS, "rule", errors, rules);
        }
        if (formNode != null && !formNode.isNull()) {
            if (!formNode.isList()) errors.add(formNode.line(), t("catalog.formsMustBe"));
            else flattenForms(formNode, errors, forms);
        }
    }

    /** Forms as flat fields; the indicators list becomes one field of codes separated by spaces. */
    private static void flattenForms(Node list, ConfigErrors errors, List<Map<String, Field>> out) {
        for (Node n : list.list()) {
            if (!n.isMap()) {
                errors.add(n.line(), t("catalog.expectedFormMap", String.join(", ", FORM_FIELDS)));
                continue;
            }
            Map<String, Field> m = new LinkedHashMap<>();
            n.map().forEach((k, v) -> {
                String key = k.strip().toLowerCase(Locale.ROOT);
                if (!FORM_FIELDS.contains(key)) {
                    errors.add(v.line(), unknownField(k, FORM_FIELDS, "form"));
                } else if (key.equals("indicators")) {
                    List<String> codes = new ArrayList<>();
                    if (v.isList()) {
                        for (Node x : v.list()) {
                            if (x.scalar() == null) errors.add(x.line(), t("catalog.formIndicatorsAre"));
                            else codes.add(x.scalar().strip());
                        }
                    } else if (v.scalar() != null) {
                        for (String c : v.scalar().split("[,\\s]+")) if (!c.isBlank()) codes.add(c.strip());
                    }
                    m.put(key, new Field(String.join(" ", codes), v.line()));
                } else if (!v.isNull()) {
                    if (v.scalar() == null) errors.add(v.line(), t("catalog.mustBeSingle", k));
                    else m.put(key, new Field(v.scalar().strip(), v.line()));
                }
            });
            m.put("@line", new Field("", n.line()));
            out.add(m);
        }
    }

    private static void flatten(Node list, List<String> fields, String what, ConfigErrors errors, List<Map<String, Field>> out) {
        for (Node n : list.list()) {
            if (!n.isMap()) {
                errors.add(n.line(), t("catalog.expectedMap", what, String.join(", ", fields)));
                continue;
            }
            Map<String, Field> m = new LinkedHashMap<>();
            n.map().forEach((k, v) -> {
                String key = k.strip().toLowerCase(Locale.ROOT);
                if (!fields.contains(key)) {
                    errors.add(v.line(), unknownField(k, fields, what));
                } else if (!v.isNull()) {
                    if (v.scalar() == null) errors.add(v.line(), t("catalog.mustBeSingle2", k));
                    else m.put(key, new Field(v.scalar().strip(), v.line()));
                }
            });
            m.put("@line", new Field("", n.line()));
            out.add(m);
        }
    }

    private static String unknownField(String f, List<String> known, String what) {
        return t("catalog.unknownFieldKnown", what, f, String.join(", ", known));
    }

    private static Catalog build(List<Map<String, Field>> rows, List<Map<String, Field>> ruleRows, List<Map<String, Field>> formRows,
                                 ConfigErrors errors, java.util.function.Supplier<String> hash, Map<String, Integer> reportedAtLines) {
        List<Indicator> inds = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, String> byLowerCase = new HashMap<>();
        Map<String, Formula> formulas = new LinkedHashMap<>();
        for (Map<String, Field> m : rows) {
            int line = m.get("@line").line();
            Field codeF = m.get("code");
            String code = codeF == null ? "" : codeF.value();
            if (code.isEmpty()) {
                errors.add(line, t("catalog.indicatorWithoutCode"));
                continue;
            }
            if (!isCode(code)) {
                errors.add(line, t("catalog.indicatorCodeMust", code));
                continue;
            }
            if (Formula.reserved(code)) {
                errors.add(line, t("catalog.indicatorCodeConstant", code));
                continue;
            }
            if (firstLine.containsKey(code)) {
                errors.add(line, t("catalog.duplicateIndicatorCode", code, firstLine.get(code)));
                continue;
            }
            String twin = byLowerCase.putIfAbsent(code.toLowerCase(Locale.ROOT), code);
            if (twin != null) {
                // formulas read codes without regard to letter case, so they could not tell the two apart
                errors.add(line, t("catalog.indicatorCodeDiffers", code, twin, firstLine.get(twin)));
                continue;
            }
            firstLine.put(code, line);
            String formula = text(m, "formula");
            IndicatorType type = choice(m, "type", IndicatorType.class, IndicatorType.NUMBER, errors);
            Aggregate agg = choice(m, "aggregate", Aggregate.class, Aggregate.SUM, errors);
            OverTime ot = choice(m, "over_time", OverTime.class, OverTime.SUM, errors);
            Indicator.Better better = choice(m, "better", Indicator.Better.class, Indicator.Better.HIGHER, errors);
            boolean required = bool(m, "required", errors);
            BigDecimal min = number(m, "min", errors), max = number(m, "max", errors);
            if (type == IndicatorType.PERCENT) {
                if (min == null) min = BigDecimal.ZERO;
                if (max == null) max = BigDecimal.valueOf(100);
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                errors.add(m.get("min").line(), t("catalog.indicatorMinAbove", code, min.toPlainString(), max.toPlainString()));
            }
            Integer decimals = null;
            BigDecimal d = number(m, "decimals", errors);
            if (d != null) {
                if (d.signum() < 0 || d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(12)) > 0) {
                    errors.add(m.get("decimals").line(), t("catalog.indicatorDecimalsMust", code));
                } else {
                    decimals = d.intValue();
                }
            }
            String reportedAt = text(m, "reported_at");
            if (reportedAt != null) reportedAtLines.put(code, m.get("reported_at").line());
            if (formula != null) {
                if (required) errors.add(m.get("required").line(), t("catalog.indicatorDerivedFormula", code));
                try {
                    formulas.put(code, Formula.compile(formula));
                } catch (IllegalArgumentException e) {
                    errors.add(m.get("formula").line(), t("catalog.indicatorFormulaDoes", code, formula, e.getMessage()));
                }
            }
            String name = text(m, "name");
            inds.add(new Indicator(code, name == null ? null : dev.tally.read.Field.nfc(name), type, text(m, "unit"), required, min, max, decimals, agg, ot,
                    reportedAt, formula, inds.size(), better));
        }
        Map<String, Indicator> byCode = inds.stream().collect(Collectors.toMap(Indicator::code, i -> i));
        formulas.forEach((code, f) -> {
            for (String v : f.variables()) {
                if (!byCode.containsKey(v)) {
                    errors.add(firstLine.get(code), t("catalog.indicatorFormulaNames", code, v));
                }
            }
        });
        checkCycles(formulas, firstLine, errors);

        List<Rule> rules = new ArrayList<>();
        for (Map<String, Field> m : ruleRows) {
            int line = m.get("@line").line();
            String name = text(m, "name");
            String check = text(m, "check");
            if (check == null) {
                errors.add(line, t("catalog.ruleHasNo", (name == null ? "" : "'" + name + "' ")));
                continue;
            }
            if (name == null) name = check;
            Severity sev = choice(m, "severity", Severity.class, Severity.ERROR, errors);
            MissingStrategy ms = choice(m, "missing", MissingStrategy.class, MissingStrategy.SKIP_IF_ANY_MISSING, errors);
            try {
                Formula f = Formula.compile(check);
                for (String v : f.variables()) {
                    if (!byCode.containsKey(v)) errors.add(m.get("check").line(), t("catalog.ruleNamesUnknown", name, v));
                }
                rules.add(new Rule(name, check, sev, text(m, "message"), ms, f.variables()));
            } catch (IllegalArgumentException e) {
                errors.add(m.get("check").line(), t("catalog.ruleCheckDoes", name, check, e.getMessage()));
            }
        }
        List<Form> forms = forms(formRows, inds, rows, errors, reportedAtLines);
        if (!forms.isEmpty()) {
            // an indicator reports at its form's level unless it says otherwise
            for (int k = 0; k < inds.size(); k++) {
                Indicator ind = inds.get(k);
                Form f = forms.stream().filter(x -> x.indicators().contains(ind.code())).findFirst().orElse(null);
                if (f != null && f.reportedAt() != null && ind.reportedAt() == null) {
                    inds.set(k, new Indicator(ind.code(), ind.name(), ind.type(), ind.unitOfMeasure(), ind.required(), ind.min(), ind.max(),
                            ind.decimals(), ind.aggregate(), ind.overTime(), f.reportedAt(), ind.formula(), ind.index(), ind.better()));
                }
            }
        }
        return new Catalog(inds, rules, forms, hash);
    }

    /**
     * The forms, from 'forms:' and from indicators' 'form:' fields. Empty when the catalog declares
     * none. Every submittable indicator must then be in exactly one form; a derived one in none.
     */
    private static List<Form> forms(List<Map<String, Field>> formRows, List<Indicator> inds, List<Map<String, Field>> indRows,
                                    ConfigErrors errors, Map<String, Integer> reportedAtLines) {
        Map<String, Map<String, Field>> declared = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, Integer> memberLine = new HashMap<>();
        for (Map<String, Field> m : formRows) {
            int line = m.get("@line").line();
            String code = text(m, "code");
            if (code == null) {
                errors.add(line, t("catalog.formWithoutCode"));
                continue;
            }
            if (!isCode(code)) {
                errors.add(line, t("catalog.formCodeMust", code));
                continue;
            }
            if (code.equalsIgnoreCase(Form.ALL)) {
                errors.add(line, t("catalog.formCodeReserved", code));
                continue;
            }
            if (declared.containsKey(code)) {
                errors.add(line, t("catalog.duplicateFormCode", code, declared.get(code).get("@line").line()));
                continue;
            }
            declared.put(code, m);
            members.put(code, new ArrayList<>());
            Field list = m.get("indicators");
            if (list != null) {
                for (String c : list.value().split(" ")) {
                    if (c.isBlank()) continue;
                    members.get(code).add(c);
                    memberLine.put(code + " " + c, list.line());
                }
            }
        }
        java.util.Set<String> misnamed = new java.util.HashSet<>(); // told about already: not "in no form" too
        // an indicator's own form: field adds it to that form; once the catalog declares forms, only to
        // one it declares (a typo would otherwise make a phantom form that no unit is ever sent)
        for (int k = 0; k < indRows.size(); k++) {
            Field f = indRows.get(k).get("form");
            Field c = indRows.get(k).get("code");
            if (f == null || c == null) continue;
            if (!isCode(f.value()) || f.value().equalsIgnoreCase(Form.ALL)) {
                errors.add(f.line(), t("catalog.formCodeMust2", f.value()));
                continue;
            }
            if (!formRows.isEmpty() && !declared.containsKey(f.value())) {
                String near = dev.tally.model.Names.closest(f.value(), declared.keySet());
                errors.add(f.line(), t("catalog.formNotDeclared", c.value(), f.value(), String.join(", ", declared.keySet()),
                        near == null ? "" : t("catalog.formDidYouMean", near)));
                misnamed.add(c.value());
                continue;
            }
            members.computeIfAbsent(f.value(), x -> new ArrayList<>());
            if (!members.get(f.value()).contains(c.value())) {
                members.get(f.value()).add(c.value());
                memberLine.put(f.value() + " " + c.value(), f.line());
            }
        }
        if (members.isEmpty()) return List.of();
        Map<String, Indicator> byCode = new HashMap<>();
        for (Indicator i : inds) byCode.put(i.code(), i);
        Map<String, String> formOf = new HashMap<>();
        List<Form> out = new ArrayList<>();
        for (var e : members.entrySet()) {
            String code = e.getKey();
            Map<String, Field> m = declared.getOrDefault(code, Map.of());
            for (String ic : e.getValue()) {
                int line = memberLine.getOrDefault(code + " " + ic, 0);
                Indicator ind = byCode.get(ic);
                if (ind == null) errors.add(line, t("catalog.formNamesUnknown", code, ic));
                else if (ind.derived()) errors.add(line, t("catalog.formListsWhich", code, ic));
                else if (formOf.containsKey(ic) && !formOf.get(ic).equals(code)) {
                    errors.add(line, t("catalog.indicatorTwoForms", ic, formOf.get(ic), code));
                } else formOf.put(ic, code);
            }
            PeriodType period = null;
            Field pf = m.get("period");
            if (pf != null) {
                period = switch (pf.value().toLowerCase(Locale.ROOT)) {
                    case "year", "yearly", "annual" -> PeriodType.YEAR;
                    case "half", "half-year", "halfyear", "semester" -> PeriodType.HALF;
                    case "quarter", "quarterly" -> PeriodType.QUARTER;
                    case "month", "monthly" -> PeriodType.MONTH;
                    case "week", "weekly" -> PeriodType.WEEK;
                    default -> {
                        errors.add(pf.line(), t("catalog.formPeriodPeriod", code, pf.value()));
                        yield null;
                    }
                };
            }
            Integer deadline = null;
            Field df = m.get("deadline_days");
            if (df != null) {
                try {
                    deadline = Integer.parseInt(df.value());
                    if (deadline < 0) throw new NumberFormatException();
                } catch (NumberFormatException ex) {
                    errors.add(df.line(), t("catalog.formDeadlineDays", code));
                }
            }
            String reportedAt = text(m, "reported_at");
            if (reportedAt != null) {
                reportedAtLines.put("form " + code, m.get("reported_at").line());
                for (String ic : e.getValue()) {
                    Indicator ind = byCode.get(ic);
                    if (ind != null && ind.reportedAt() != null && !ind.reportedAt().equalsIgnoreCase(reportedAt)) {
                        errors.add(memberLine.getOrDefault(code + " " + ic, 0), t("catalog.indicatorReportedAt2", ic, ind.reportedAt(), code, reportedAt));
                    }
                }
            }
            out.add(new Form(code, text(m, "name") == null ? null : dev.tally.read.Field.nfc(text(m, "name")), period, deadline, reportedAt,
                    e.getValue().stream().filter(ic -> byCode.containsKey(ic) && !byCode.get(ic).derived()).distinct().toList(), out.size()));
        }
        for (int k = 0; k < inds.size(); k++) {
            Indicator ind = inds.get(k);
            if (!ind.derived() && !formOf.containsKey(ind.code()) && !misnamed.contains(ind.code())) {
                errors.add(indRows.stream().filter(r -> r.get("code") != null && r.get("code").value().equals(ind.code())).findFirst()
                        .map(r -> r.get("@line").line()).orElse(0), t("catalog.indicatorNoForm", ind.code()));
            }
        }
        return out;
    }

    private static void checkCycles(Map<String, Formula> formulas, Map<String, Integer> lines, ConfigErrors errors) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (String start : formulas.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, formulas, state, path)) {
                errors.add(lines.get(start), t("catalog.formulaCycleDerived", String.join(" -> ", path)));
                return;
            }
        }
    }

    private static boolean visit(String code, Map<String, Formula> formulas, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(code);
        if (s != null && s == 2) return false;
        path.add(code);
        if (s != null && s == 1) return true;
        state.put(code, 1);
        Formula f = formulas.get(code);
        if (f != null) {
            for (String v : f.variables()) if (visit(v, formulas, state, path)) return true;
        }
        state.put(code, 2);
        path.remove(path.size() - 1);
        return false;
    }

    private static String text(Map<String, Field> m, String key) {
        Field f = m.get(key);
        return f == null || f.value().isEmpty() ? null : f.value();
    }

    private static <E extends Enum<E>> E choice(Map<String, Field> m, String key, Class<E> type, E dflt, ConfigErrors errors) {
        Field f = m.get(key);
        if (f == null || f.value().isEmpty()) return dflt;
        String v = f.value().strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) if (e.name().equals(v)) return e;
        errors.add(f.line(), t("catalog.unknownUseOne", key, f.value(), Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        return dflt;
    }

    private static boolean bool(Map<String, Field> m, String key, ConfigErrors errors) {
        Field f = m.get(key);
        if (f == null) return false;
        switch (f.value().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y" -> { return true; }
            case "false", "no", "0", "n", "" -> { return false; }
            default -> {
                errors.add(f.line(), t("catalog.mustBeTrue", key, f.value()));
                return false;
            }
        }
    }

    /** A bound or a count: a number as submissions write them (at most 38 digits, no exponent), so no bound is unreachable. */
    private static BigDecimal number(Map<String, Field> m, String key, ConfigErrors errors) {
        Field f = m.get(key);
        if (f == null || f.value().isEmpty()) return null;
        dev.tally.model.Num n = dev.tally.read.Numbers.parse(dev.tally.read.Field.of(f.value()), false, false, new dev.tally.model.Num());
        if (!n.isNumber() || n.word) {
            errors.add(f.line(), t("catalog.mustBeNumber", key, dev.tally.model.Num.MAX_DIGITS, (f.value().length() > 60 ? f.value().substring(0, 60) + "…" : f.value())));
            return null;
        }
        return n.decimal();
    }
}
