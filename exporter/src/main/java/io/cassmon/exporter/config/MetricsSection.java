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
    private static final Pattern FAMILY_GLOB = Pattern.compile("[a-zA-Z0-9_:*?]+");

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
        List<Pattern> include = familyGlobs(metrics, "include");
        List<Pattern> exclude = familyGlobs(metrics, "exclude");
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
        boolean reuseUnchanged = metrics.bool("reuse_unchanged_series", true);
        metrics.rejectUnknownKeys();
        return new CatalogConfig(detail, rules, aggregates, unlisted, include, exclude, buckets, largePartition,
                topologyLabels, reuseUnchanged);
    }

    private static Detail detail(YamlSection section, String key, String fallback) throws ConfigException {
        return Detail.valueOf(section.choice(key, fallback, DETAILS).toUpperCase(Locale.ROOT));
    }

    /** Globs over family names, which have only letters, digits, _ and :, so a regex or a Dropwizard name never matches. */
    private static List<Pattern> familyGlobs(YamlSection metrics, String key) throws ConfigException {
        List<String> globs = metrics.strings(key);
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < globs.size(); i++) {
            if (!FAMILY_GLOB.matcher(globs.get(i)).matches()) {
                throw metrics.error(YamlSection.item(key, i), "expected a family-name glob of letters, digits, _, :, *"
                        + " and ? (e.g. \"cassandra_table_*\"), got " + YamlSection.describe(globs.get(i)));
            }
            patterns.add(Glob.compile(globs.get(i)));
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
            double bound = item instanceof Number ? ((Number) item).doubleValue() : Double.NaN;
            // NaN and .inf would pass a plain "> 0" check, and no bucket can be placed at either.
            if (!(bound > 0) || Double.isInfinite(bound)) {
                throw buckets.error(YamlSection.item(key, i), "expected a positive number (" + unit(family) + "), got "
                        + YamlSection.describe(item));
            }
            bounds[i] = bound;
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
