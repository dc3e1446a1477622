package io.cassmon.exporter.config;

import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.cassandra.Detail;
import io.cassmon.exporter.cassandra.Glob;
import io.cassmon.exporter.cassandra.TableRule;
import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.histogram.BucketLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code metrics:} section of cassmon.yml into a {@link CatalogConfig}. */
final class MetricsSection {
    private static final List<String> DETAILS = Arrays.asList("none", "default", "full");

    private MetricsSection() {
    }

    static CatalogConfig read(YamlSection metrics) throws ConfigException {
        Detail detail = detail(metrics, "detail", "default");
        List<TableRule> rules = new ArrayList<>();
        for (YamlSection rule : metrics.sections("tables")) {
            String match = rule.string("match", null);
            if (match == null) {
                throw rule.error("match", "expected keyspace.table globs, e.g. \"shop.*\", but the key is missing");
            }
            try {
                rules.add(new TableRule(match, detail(rule, "detail", "default")));
            } catch (IllegalArgumentException e) {
                throw rule.error("match", e.getMessage());
            }
            rule.rejectUnknownKeys();
        }
        boolean aggregates = metrics.bool("aggregates", false);
        boolean unlisted = metrics.bool("unlisted", false);
        List<Pattern> include = globs(metrics.strings("include"));
        List<Pattern> exclude = globs(metrics.strings("exclude"));
        Map<BucketFamily, BucketLayout> buckets = CatalogConfig.defaultBuckets();
        YamlSection section = metrics.section("buckets");
        for (BucketFamily family : BucketFamily.values()) {
            BucketLayout layout = layout(section, family);
            if (layout != null) {
                buckets.put(family, layout);
            }
        }
        section.rejectUnknownKeys();
        long largePartition = metrics.integer("large_partition_threshold_bytes",
                (int) CatalogConfig.DEFAULT_LARGE_PARTITION_BYTES, 1, Integer.MAX_VALUE);
        boolean topologyLabels = metrics.bool("topology_labels", false);
        metrics.rejectUnknownKeys();
        return new CatalogConfig(detail, rules, aggregates, unlisted, include, exclude, buckets, largePartition,
                topologyLabels);
    }

    private static Detail detail(YamlSection section, String key, String fallback) throws ConfigException {
        return Detail.valueOf(section.choice(key, fallback, DETAILS).toUpperCase(Locale.ROOT));
    }

    private static List<Pattern> globs(List<String> globs) {
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : globs) {
            patterns.add(Glob.compile(glob));
        }
        return patterns;
    }

    /** {@code default}, {@code full}, or a list of positive boundaries in base units; null when absent. */
    private static BucketLayout layout(YamlSection buckets, BucketFamily family) throws ConfigException {
        String key = family.configName();
        Object value = buckets.raw(key);
        String expected = "expected default, full or a list of positive numbers (" + unit(family) + ")";
        if (value == null || "default".equals(value)) {
            return null;
        }
        if ("full".equals(value)) {
            return BucketLayout.full();
        }
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            throw buckets.error(key, expected + ", got " + YamlSection.describe(value));
        }
        List<?> items = (List<?>) value;
        double[] bounds = new double[items.size()];
        for (int i = 0; i < bounds.length; i++) {
            Object item = items.get(i);
            if (!(item instanceof Number) || ((Number) item).doubleValue() <= 0) {
                throw buckets.error(key, expected + ", got an item " + YamlSection.describe(item));
            }
            bounds[i] = ((Number) item).doubleValue();
        }
        return BucketLayout.of(bounds);
    }

    private static String unit(BucketFamily family) {
        switch (family) {
            case LATENCY:
                return "seconds";
            case SIZE:
                return "bytes";
            default:
                return "counts";
        }
    }
}
