package dev.tally.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.model.Catalog;
import dev.tally.model.Indicator;
import dev.tally.model.Text;
import dev.tally.write.Measure;
import dev.tally.write.NumberStyle;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Section I's sentence with a plan, in both languages: the attainment the rollup computed, said to be
 * of partial data when the value is partial, and the target alone where no attainment can be said.
 */
@Isolated // speaks Vietnamese, and the language is the whole JVM's
class ReportPlanTest {
    @AfterEach
    void english() { Text.use(Text.Lang.EN); }

    static final Catalog CATALOG = dev.tally.config.Project.load(Path.of("samples/tally.yaml"), null, null, Path.of("")).catalog();
    static final NumberStyle VI = NumberStyle.of(Text.Lang.VI.locale()), EN = NumberStyle.of(Locale.UK);

    private static String sentence(String indicator, Measure m, NumberStyle numbers) {
        Indicator ind = CATALOG.indicator(indicator);
        return ReportContent.sentence(ind, m, numbers);
    }

    /** dvk_models of Bắc Giang in 2024-H1: 59 of all 16 communes, against the districts' 40 + 24. */
    static final Measure FULL = new Measure(59L, 16, 16, 0, null, null, 64L, new BigDecimal("92.2"));
    /** cadres_trained: 488 from 15 of 16 communes, against 520. */
    static final Measure PARTIAL = new Measure(488L, 15, 16, 0, null, null, 520L, new BigDecimal("93.8"));

    @Test
    void theAttainmentFollowsTheValueInVietnamese() {
        Text.use(Text.Lang.VI);
        assertThat(sentence("dvk_models", FULL, VI)).isEqualTo("Mô hình \"Dân vận khéo\" đăng ký: 59 mô hình, đạt 92,2 % kế hoạch (59/64).");
        assertThat(sentence("cadres_trained", PARTIAL, VI)).isEqualTo("Lượt cán bộ được tập huấn công tác dân vận: 488 lượt "
                + "(số liệu của 15/16 đơn vị), đạt 93,8 % kế hoạch, tính trên số liệu chưa đủ (488/520).");
        // no value: the target alone, never 0 %
        assertThat(sentence("dvk_models", new Measure(null, 0, 16, 0, null, null, 64L, null), VI))
                .isEqualTo("Mô hình \"Dân vận khéo\" đăng ký: chưa có số liệu (0/16 đơn vị báo cáo); kế hoạch: 64");
        // a target of 0: no attainment
        assertThat(sentence("dvk_models", new Measure(59L, 16, 16, 0, null, null, 0L, null), VI))
                .isEqualTo("Mô hình \"Dân vận khéo\" đăng ký: 59 mô hình; kế hoạch: 0.");
    }

    @Test
    void theAttainmentFollowsTheValueInEnglish() {
        assertThat(sentence("dvk_models", FULL, EN)).isEqualTo("Mô hình \"Dân vận khéo\" đăng ký: 59 mô hình, 92.2% of the plan (59/64).");
        assertThat(sentence("cadres_trained", PARTIAL, EN)).isEqualTo("Lượt cán bộ được tập huấn công tác dân vận: 488 lượt "
                + "(data from 15 of 16 units), 93.8% of the plan, on partial data (488/520).");
        // without a plan the sentence is as it was
        assertThat(sentence("dvk_models", new Measure(59L, 16, 16, 0, null, null), EN)).isEqualTo("Mô hình \"Dân vận khéo\" đăng ký: 59 mô hình.");
    }
}
