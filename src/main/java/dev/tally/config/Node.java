package dev.tally.config;

import static dev.tally.model.Text.reason;
import static dev.tally.model.Text.t;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tally.model.TallyException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON document that remembers the line of every value, so configuration errors
 * can name the line to fix. Jackson's own tree forgets locations, hence this small tree.
 * Exactly one of map, list and scalar is set; a JSON null or empty YAML value is a scalar null.
 */
record Node(Map<String, Node> map, List<Node> list, String scalar, int line) {

    boolean isMap() { return map != null; }

    boolean isList() { return list != null; }

    boolean isNull() { return map == null && list == null && scalar == null; }

    static Node parse(Reader in, boolean yaml, String file) {
        JsonFactory f = yaml ? new YAMLFactory() : new JsonFactory();
        try (JsonParser p = f.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) return new Node(new LinkedHashMap<>(), null, null, 1);
            return read(p, t);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String what = e.getOriginalMessage().lines().findFirst().orElse("");
            // the YAML parser's first line is its context ("while scanning for the next token", at the
            // start of the block); the problem and the line it is on are what a person can fix
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
                what = m.getProblem().contains("\\t(TAB)") ? t("config.yamlTab")
                        : m.getProblem().contains("<block") ? m.getProblem() + t("config.yamlIndent") : m.getProblem();
                if (m.getProblemMark() != null) line = m.getProblemMark().getLine() + 1;
            }
            throw TallyException.config(t("config.notValidSyntax", file, line, (yaml ? "YAML" : "JSON"), what));
        } catch (IOException e) {
            throw TallyException.io(t("config.cannotReadFile", file, reason(e)));
        }
    }

    private static Node read(JsonParser p, JsonToken t) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> m = new LinkedHashMap<>();
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    m.put(key, read(p, p.nextToken()));
                }
                return new Node(m, null, null, line);
            }
            case START_ARRAY -> {
                List<Node> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) l.add(read(p, t));
                return new Node(null, l, null, line);
            }
            case VALUE_NULL -> {
                return new Node(null, null, null, line);
            }
            default -> {
                return new Node(null, null, p.getText(), line);
            }
        }
    }
}
