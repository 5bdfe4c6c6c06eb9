package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/** English and Vietnamese: every message and every piece of help exists in both, and the run's language is chosen as documented. */
@Isolated // runs tally in Vietnamese, and the language is the whole JVM's
class LanguageTest {
    @AfterEach
    void english() { Text.use(Text.Lang.EN); }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LanguageTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyMessageKeyIsInBothLanguages() throws IOException {
        Properties en = load("/dev/tally/messages.properties"), vi = load("/dev/tally/messages_vi.properties");
        assertThat(new TreeSet<>(vi.stringPropertyNames())).as("keys in Vietnamese").isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String k : en.stringPropertyNames()) {
            // the same arguments in both: a translation that drops {2} drops a fact
            assertThat(args(vi.getProperty(k))).as(k).isEqualTo(args(en.getProperty(k)));
        }
    }

    static TreeSet<String> args(String s) {
        TreeSet<String> out = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+}").matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    @Test
    void everyCommandOptionAndExitCodeHasVietnameseHelp() throws IOException {
        Properties vi = load("/dev/tally/cli/help_vi.properties");
        List<String> missing = new ArrayList<>();
        collect(new CommandLine(new TallyCommand()), vi, missing);
        assertThat(missing).isEmpty();
    }

    private static void collect(CommandLine cl, Properties vi, List<String> missing) {
        CommandSpec s = cl.getCommandSpec();
        if (s.usageMessage().hidden() || s.name().equals("help")) return;
        String k = HelpText.key(s);
        if (s.usageMessage().header().length > 0 && !vi.containsKey(k + ".header")) missing.add(k + ".header");
        if (!vi.containsKey(k + ".description")) missing.add(k + ".description");
        for (PositionalParamSpec p : s.positionalParameters()) {
            if (!vi.containsKey(k + ".param." + p.paramLabel()) && !vi.containsKey("param." + p.paramLabel())) missing.add(k + ".param." + p.paramLabel());
        }
        for (OptionSpec o : s.options()) {
            if (o.hidden()) continue;
            String ok = HelpText.optionKey(o);
            if (!vi.containsKey(k + ".option." + ok) && !vi.containsKey("option." + ok)) missing.add(k + ".option." + ok);
        }
        for (String code : s.usageMessage().exitCodeList().keySet()) {
            if (!vi.containsKey(k + ".exit." + code.strip())) missing.add(k + ".exit." + code.strip());
        }
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, vi, missing);
    }

    static Tally.Run tally(String... args) { return Tally.run(args); }

    @Test
    void theLanguageComesFromTheOptionThenTheEnvironment() {
        assertThat(Cli.language(new String[] {"rollup", "--lang", "vi"}, Map.of())).isEqualTo(Text.Lang.VI);
        assertThat(Cli.language(new String[] {"--lang=en", "rollup"}, Map.of("TALLY_LANG", "vi"))).isEqualTo(Text.Lang.EN);
        assertThat(Cli.language(new String[] {"rollup"}, Map.of("TALLY_LANG", "vi", "LANG", "en_US.UTF-8"))).isEqualTo(Text.Lang.VI);
        assertThat(Cli.language(new String[] {"rollup"}, Map.of("LANG", "vi_VN.UTF-8"))).isEqualTo(Text.Lang.VI);
        assertThat(Cli.language(new String[] {"rollup"}, Map.of("LC_ALL", "C", "LANG", "vi_VN.UTF-8"))).isEqualTo(Text.Lang.EN);
        assertThat(Cli.language(new String[] {"rollup"}, Map.of())).isEqualTo(Text.Lang.EN);
        Tally.Run bad = tally("--lang", "fr", "rollup");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--lang 'fr' is not a language tally speaks; use en or vi");
    }

    @Test
    void picocliUsageErrorsAreInTheRunsLanguage() {
        // picocli writes these in English only; a Vietnamese run says them in Vietnamese, exit 2 as ever
        Tally.Run depth = tally("--lang", "vi", "rollup", "--depth", "abc");
        assertThat(depth.exit()).isEqualTo(2);
        assertThat(depth.err()).startsWith("tally: giá trị của tùy chọn '--depth' không hợp lệ: 'abc' không phải số nguyên\n");
        assertThat(tally("--lang", "vi", "rollup", "--frobnicate").err()).startsWith("tally: không có tùy chọn '--frobnicate'\n");
        assertThat(tally("--lang", "vi", "history", "--unit", "07201").err()).startsWith("tally: thiếu tùy chọn bắt buộc '--period=P'\n");
        Tally.Run both = tally("--lang", "vi", "rollup", "--depth", "1", "--level", "district");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).startsWith("tally: chỉ được dùng một trong các tùy chọn --depth=N, --level=NAME\n");
        assertThat(tally("--lang", "vi", "rollup", "--units", "a.csv", "--units", "b.csv").err()).startsWith("tally: tùy chọn '--units' chỉ được cho một lần\n");
        assertThat(tally("--lang", "vi", "rollup", "--units").err()).startsWith("tally: tùy chọn '--units' thiếu giá trị FILE\n");
        assertThat(tally("--lang", "vi", "import").err()).startsWith("tally: thiếu đối số bắt buộc 'INPUT'\n");
        assertThat(tally("--lang", "vi", "outliers", "--threshold", "abc").err())
                .startsWith("tally: giá trị của tùy chọn '--threshold' không hợp lệ: 'abc' không phải là số\n");
        assertThat(tally("--lang", "vi", "rollup", "--strict=maybe").err())
                .startsWith("tally: giá trị của tùy chọn '--strict' không hợp lệ: 'maybe' không phải true hay false\n");
        // in English, picocli's own words, but for a value of the wrong type, said as people say it
        assertThat(tally("--lang", "en", "rollup", "--frobnicate").err()).startsWith("tally: Unknown option: '--frobnicate'\n");
        assertThat(tally("--lang", "en", "rollup", "--units").err()).startsWith("tally: Missing required parameter for option '--units' (FILE)\n");
        Tally.Run notInt = tally("--lang", "en", "rollup", "--max-findings", "1.5");
        assertThat(notInt.exit()).isEqualTo(2);
        assertThat(notInt.err()).startsWith("tally: Invalid value for option '--max-findings': '1.5' is not a whole number\n");
        assertThat(tally("--lang", "en", "outliers", "--threshold", "abc").err())
                .startsWith("tally: Invalid value for option '--threshold': 'abc' is not a number\n");
        assertThat(tally("--lang", "en", "rollup", "--strict=maybe").err())
                .startsWith("tally: Invalid value for option '--strict': 'maybe' is not true or false\n");
    }

    @Test
    void vietnameseHelpAndFindings() {
        Tally.Run help = tally("--lang", "vi", "validate", "--help");
        assertThat(help.out()).startsWith("Kiểm tra báo cáo theo danh sách đơn vị và danh mục chỉ tiêu.").contains("Cách dùng: tally validate")
                .contains("Mã thoát:");
        Tally.Run v = tally("validate", "--lang", "vi", "--format", "csv", "--config", "samples/tally.yaml", "samples/faulty");
        assertThat(v.out()).contains("chưa báo cáo các chỉ tiêu bắt buộc").contains("đề nghị đơn vị bổ sung số liệu");
        assertThat(v.err()).contains("23 giá trị: 13 được nhận");
        // codes and column names stay the same for programs
        assertThat(v.out()).startsWith("severity,code,file,line,unit,period,indicator,value,message\n").contains(",missing-required,");
    }
}
