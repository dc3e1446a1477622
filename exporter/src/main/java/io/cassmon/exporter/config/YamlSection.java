package io.cassmon.exporter.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mapping of a YAML document, read key by key. Remembers which keys were read so that
 * {@link #rejectUnknownKeys()} can name every key the exporter does not know, with its full path.
 */
final class YamlSection {
    private final String file;
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new TreeSet<>();

    YamlSection(String file, String path, Map<String, Object> values) {
        this.file = file;
        this.path = path;
        this.values = values;
    }

    static YamlSection root(String file, Object document) throws ConfigException {
        if (document == null) {
            return new YamlSection(file, "", new LinkedHashMap<>());
        }
        return new YamlSection(file, "", asMap(file, "", document));
    }

    /** A nested mapping; empty when absent. */
    YamlSection section(String key) throws ConfigException {
        Object value = take(key);
        if (value == null) {
            return new YamlSection(file, keyPath(key), new LinkedHashMap<>());
        }
        return new YamlSection(file, keyPath(key), asMap(file, keyPath(key), value));
    }

    String string(String key, String fallback) throws ConfigException {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String)) {
            throw error(key, "expected a string, got " + describe(value));
        }
        return (String) value;
    }

    int integer(String key, int fallback, int min, int max) throws ConfigException {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        // SnakeYAML reads integers beyond int as Long or BigInteger: out of range, not of another type.
        if (!(value instanceof Integer) || (Integer) value < min || (Integer) value > max) {
            throw error(key, "expected an integer from " + min + " to " + max + ", got " + describe(value));
        }
        return (Integer) value;
    }

    boolean bool(String key, boolean fallback) throws ConfigException {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw error(key, "expected true or false, got " + describe(value));
        }
        return (Boolean) value;
    }

    /** One of {@code choices} (lower case), e.g. a detail level. */
    String choice(String key, String fallback, Collection<String> choices) throws ConfigException {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!choices.contains(value)) {
            throw error(key, "expected one of " + String.join(", ", choices) + ", got " + describe(value));
        }
        return (String) value;
    }

    List<String> strings(String key) throws ConfigException {
        Object value = take(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List)) {
            throw error(key, "expected a list of strings, got " + describe(value));
        }
        List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String)) {
                throw error(item(key, i), "expected a string, got " + describe(items.get(i)));
            }
            out.add((String) items.get(i));
        }
        return out;
    }

    /** The keys of this mapping, in document order (none is marked as read). */
    List<String> keys() {
        return new ArrayList<>(values.keySet());
    }

    /** The file this section was read from. */
    String file() {
        return file;
    }

    /** The full key path of {@code key} in this section, e.g. {@code http.tls.cert_file}. */
    String pathOf(String key) {
        return keyPath(key);
    }

    /** The raw value, for keys whose form varies (e.g. a word or a list of numbers). */
    Object raw(String key) {
        return take(key);
    }

    /** A list of mappings, each read as a section named {@code key[i]}. */
    List<YamlSection> sections(String key) throws ConfigException {
        Object value = take(key);
        List<YamlSection> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List)) {
            throw error(key, "expected a list of mappings, got " + describe(value));
        }
        List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
            out.add(new YamlSection(file, keyPath(item(key, i)), asMap(file, keyPath(item(key, i)), items.get(i))));
        }
        return out;
    }

    /** The key of item {@code index} of the list under {@code key}, for {@link #error}: {@code key[index]}. */
    static String item(String key, int index) {
        return key + "[" + index + "]";
    }

    void rejectUnknownKeys() throws ConfigException {
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                unknown.add(keyPath(key));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(file + ": unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (see the configuration reference in README.md)");
        }
    }

    ConfigException error(String key, String expectation) {
        return new ConfigException(file + ": " + keyPath(key) + ": " + expectation);
    }

    private Object take(String key) {
        read.add(key);
        return values.get(key);
    }

    private String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String file, String path, Object value) throws ConfigException {
        if (!(value instanceof Map)) {
            String where = path.isEmpty() ? "the document" : path;
            throw new ConfigException(file + ": " + where + ": expected a mapping of keys to values, got "
                    + describe(value));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) value).entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                throw new ConfigException(file + ": " + (path.isEmpty() ? "" : path + ": ")
                        + "keys must be strings, got " + describe(entry.getKey()));
            }
            map.put((String) entry.getKey(), entry.getValue());
        }
        return map;
    }

    /** A YAML value as an error message shows it: what SnakeYAML read, in YAML's words. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return ((Map<?, ?>) value).isEmpty() ? "an empty mapping" : "a mapping";
        }
        if (value instanceof List) {
            return ((List<?>) value).isEmpty() ? "an empty list" : "a list";
        }
        if (value instanceof Set) {
            return "a set";
        }
        if (value instanceof String) {
            return "the string \"" + value + "\"";
        }
        if (value instanceof Double) {
            double number = (Double) value;
            if (Double.isNaN(number)) {
                return ".nan";
            }
            if (Double.isInfinite(number)) {
                return number > 0 ? ".inf" : "-.inf";
            }
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Date) {
            return "the date " + ((Date) value).toInstant();
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        return "a value of type " + value.getClass().getSimpleName();
    }
}
