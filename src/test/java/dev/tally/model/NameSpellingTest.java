package dev.tally.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Names#same}: the spellings of one name people write, and names that are not the same. */
class NameSpellingTest {
    @ParameterizedTest
    @CsvSource({
        "Xã Chiêm Hoá, Xã Chiêm Hóa", "Hoà, Hòa", "Khoả, Khỏa", "Thoã, Thõa", "Hoạ, Họa",
        "Khoè, Khòe", "Khoé, Khóe", "Khoẻ, Khỏe", "Xoẽ, Xõe", "Khoẹ, Khọe",
        "Thuỳ, Thùy", "Thuý, Thúy", "Thuỷ, Thủy", "Thuỹ, Thũy", "Thuỵ, Thụy",
        "XÃ CHIÊM HOÁ, Xã Chiêm Hóa", "PHƯỜNG THUỶ, phường thủy", "HOÀ BÌNH, Hòa Bình",
        "Tuyên Quang, Tỉnh Tuyên Quang", "Thành phố Hồ Chí Minh, TP. Hồ Chí Minh", "TP Hồ Chí Minh, Hồ Chí Minh",
        "Huyện Lục Nam, Lục Nam", "Quận Bình Thạnh, Bình Thạnh", "Thị xã Việt Yên, Việt Yên", "Thị trấn Đồi Ngô, Đồi Ngô",
        "Đặc khu Phú Quốc, Phú Quốc", "Xã Song Mai, Phường Song Mai", "Xã  Song   Mai, Xã Song Mai",
    })
    void sameName(String a, String b) {
        assertThat(Names.same(a, b)).isTrue();
        assertThat(Names.same(b, a)).isTrue();
        assertThat(Names.same(Normalizer.normalize(a, Normalizer.Form.NFD), b)).as("after NFC").isTrue();
    }

    @ParameterizedTest
    @CsvSource({"Phường 1, Phường 2", "Phường 1, Xã 1", "Xã Lan Mẫu, Xã Yên Sơn", "Hòa, Hà", "Thủy, Thụy", "Tỉnh, Huyện"})
    void differentNames(String a, String b) {
        assertThat(Names.same(a, b)).isFalse();
    }
}
