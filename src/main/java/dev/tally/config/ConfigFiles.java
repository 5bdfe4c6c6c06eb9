package dev.tally.config;

import static dev.tally.model.Text.reason;
import static dev.tally.model.Text.t;

import dev.tally.io.TextInput;
import dev.tally.model.TallyException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Reading a configuration file whole (they are small): text with BOM handling, its kind, its hash. */
final class ConfigFiles {
    private ConfigFiles() {}

    enum Kind { CSV, JSON, YAML }

    record Loaded(String text, byte[] bytes) {
        Reader reader() { return new StringReader(text); }

        /** The text as UTF-8 bytes without a byte order mark (for the CSV tokenizer): the file's own bytes when they are that. */
        TextInput.Utf8 utf8() { return TextInput.Utf8.of(bytes, text); }

        String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Loaded load(Path path, String what) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            return new Loaded(TextInput.decode(bytes, StandardCharsets.UTF_8), bytes);
        } catch (NoSuchFileException e) {
            throw TallyException.io(t("config.foundCheckPath", path, what));
        } catch (CharacterCodingException e) {
            throw TallyException.config(t("config.utfTextSave", path, what));
        } catch (IOException e) {
            throw TallyException.io(t("config.cannotRead", path, what, reason(e)));
        }
    }

    /** The kind from the extension, else from the first significant character. */
    static Kind kind(Path path, String text) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) return Kind.CSV;
        if (name.endsWith(".json")) return Kind.JSON;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) return Kind.YAML;
        String t = text.stripLeading();
        if (t.startsWith("{") || t.startsWith("[")) return Kind.JSON;
        return t.contains(":") && !t.lines().findFirst().orElse("").contains(",") ? Kind.YAML : Kind.CSV;
    }
}
