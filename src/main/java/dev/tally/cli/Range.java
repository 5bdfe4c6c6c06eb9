package dev.tally.cli;

import static dev.tally.model.Text.t;

import dev.tally.model.TallyException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The range of a numeric option, declared on its field: {@code @Range(min = 1, max = 120)}. Every
 * option of every command is checked here once the command line is parsed, before the command
 * reads anything ({@link #check}, called by {@link Cli}): a value outside the range, or a number
 * that is not finite (Infinity, NaN, 1e309), is a usage error (exit 2) that names the range. The
 * help and the man pages state the range after the option's description ({@link #help}). The upper
 * bounds keep the work an option asks for bounded (a history of a billion periods ran out of memory
 * after two minutes); each is far above any real use.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Range {
    double min();

    double max();

    /**
     * An option's range as its model carries it (the option's user object, written into CommandModels
     * from the annotation): no annotation is read on a run.
     */
    record Bounds(double min, double max) {}

    /** Checks the options of the parsed command and of its subcommand. */
    final class Check {
        private Check() {}

        static void check(CommandLine.ParseResult parsed) {
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                for (OptionSpec o : p.matchedOptions()) check(o);
            }
        }

        private static void check(OptionSpec o) {
            Bounds r = of(o);
            if (r == null) return;
            Object v = o.getValue();
            if (!(v instanceof Number n)) return;
            double d = n.doubleValue();
            if (Double.isFinite(d) && d >= r.min() && d <= r.max()) return;
            String given = o.originalStringValues().isEmpty() ? String.valueOf(v)
                    : o.originalStringValues().get(o.originalStringValues().size() - 1);
            boolean whole = v instanceof Integer || v instanceof Long;
            throw TallyException.usage(t(whole ? "usage.range.whole" : "usage.range.number", o.longestName(), text(r.min()), text(r.max()), given));
        }

        /** " (1 to 120)" after an option's description, or "" for an option without a range. */
        static String help(OptionSpec o) {
            Bounds r = of(o);
            return r == null ? "" : " " + t("usage.range.help", text(r.min()), text(r.max()));
        }

        /** The option's range: carried by its model when written out (CommandModels), on its field when picocli reflected it. */
        private static Bounds of(OptionSpec o) {
            if (o.userObject() instanceof Bounds b) return b;
            Range r = o.userObject() instanceof java.lang.reflect.Field f ? f.getAnnotation(Range.class) : null;
            return r == null ? null : new Bounds(r.min(), r.max());
        }

        private static String text(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : java.math.BigDecimal.valueOf(d).toPlainString();
        }
    }
}
