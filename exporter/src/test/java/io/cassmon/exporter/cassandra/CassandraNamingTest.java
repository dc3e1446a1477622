package io.cassmon.exporter.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cassmon.exporter.config.ConfigLoader;
import io.cassmon.exporter.registry.MetricId;
import io.cassmon.exporter.registry.MetricKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CassandraNamingTest {
    private static final String P = "org.apache.cassandra.metrics.";
    private final CassandraNaming defaults = new CassandraNaming(CatalogConfig.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Table.ReadLatency.shop.orders                | TIMER   | cassandra_table_read_latency_seconds        | keyspace=shop,table=orders
        IndexTable.ReadLatency.shop.orders.by_email  | TIMER   | cassandra_index_table_read_latency_seconds  | keyspace=shop,table=orders,index=by_email
        ThreadPools.PendingTasks.request.MutationStage | GAUGE | cassandra_thread_pool_pending_tasks         | group=request,pool=MutationStage
        ThreadPools.PendingTasks.transport.Native-Transport-Requests | GAUGE | cassandra_thread_pool_pending_tasks | group=transport,pool=Native-Transport-Requests
        ClientRequest.Latency.CASRead                | TIMER   | cassandra_client_request_latency_seconds    | operation=cas_read
        ClientRequest.Timeouts.RangeSlice            | METER   | cassandra_client_request_timeouts           | operation=range_slice
        DroppedMessage.Dropped.MUTATION_REQ          | METER   | cassandra_dropped_messages                  | message_type=MUTATION
        DroppedMessage.Dropped.MUTATION              | METER   | cassandra_dropped_messages                  | message_type=MUTATION
        DroppedMessage.Dropped.RANGE_SLICE           | METER   | cassandra_dropped_messages                  | message_type=RANGE
        DroppedMessage.Dropped.MUTATION_RSP          | METER   | cassandra_dropped_messages                  | message_type=MUTATION_RSP
        Cache.Hits.KeyCache                          | METER   | cassandra_cache_hits                        | cache=key_cache
        BufferPool.Size.chunk-cache                  | GAUGE   | cassandra_buffer_pool_size_bytes            | pool=chunk-cache
        Storage.Load                                 | COUNTER | cassandra_storage_load_bytes                |
        Client.connectedNativeClients                | GAUGE   | cassandra_client_connected_native_clients   |
        Client.ConnectedNativeClients                | GAUGE   | cassandra_client_connected_native_clients   |
        """)
    void namesFamilyAndLabels(String name, MetricKind kind, String family, String labels) {
        MetricId id = defaults.name(P + name, kind);
        assertEquals(family, id.family());
        assertEquals(labels == null ? "" : labels, labelText(id));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        Table.ReadLatency.all
        Table.ReadTotalLatency.shop.orders
        Table.ReadLatency.system.local
        Table.ReadLatency.system_schema.tables
        Table.CoordinatorReadLatency.shop.orders
        keyspace.ReadLatency.shop
        ClientRequest.Latency.Read-LOCAL_QUORUM
        Messaging.MUTATION_REQ-WaitLatency
        Table.ColUpdateTimeDeltaHistogram.shop.orders
        Table.RecentBloomFilterFalsePositives.shop.orders
        """)
    void leavesOutAtDefaults(String name) {
        assertNull(defaults.name(P + name, MetricKind.TIMER), name);
    }

    @Test
    void fullDetailAggregatesAndUnlistedAreOptIn() throws Exception {
        CassandraNaming naming = naming("metrics:\n  detail: full\n  aggregates: true\n  unlisted: true\n");
        assertEquals("cassandra_keyspace_read_latency_seconds{keyspace=shop}",
                describe(naming.name(P + "keyspace.ReadLatency.shop", MetricKind.TIMER)));
        assertEquals("cassandra_client_request_consistency_latency_seconds{operation=read,consistency=LOCAL_QUORUM}",
                describe(naming.name(P + "ClientRequest.Latency.Read-LOCAL_QUORUM", MetricKind.TIMER)));
        assertEquals("cassandra_table_coordinator_read_latency_seconds{keyspace=shop,table=orders}",
                describe(naming.name(P + "Table.CoordinatorReadLatency.shop.orders", MetricKind.TIMER)));
        assertEquals("cassandra_messaging_cross_node_latency_by_datacenter_seconds{source_datacenter=dc2}",
                describe(naming.name(P + "Messaging.dc2-Latency", MetricKind.TIMER)));
        assertEquals("cassandra_table_col_update_time_delta_histogram_shop_orders{}",
                describe(naming.name(P + "Table.ColUpdateTimeDeltaHistogram.shop.orders", MetricKind.HISTOGRAM)));
        assertNull(naming.name(P + "Table.ReadLatency.all", MetricKind.TIMER), "node-wide .all merges stay off");
    }

    @Test
    void tableRulesComeBeforeTheSystemKeyspaceDefault() throws Exception {
        CassandraNaming naming = naming("metrics:\n  tables:\n"
                + "    - {match: \"system_auth.*\", detail: default}\n"
                + "    - {match: \"shop.audit_*\", detail: none}\n"
                + "    - {match: \"shop.*\", detail: full}\n");
        assertEquals("cassandra_table_read_latency_seconds{keyspace=system_auth,table=roles}",
                describe(naming.name(P + "Table.ReadLatency.system_auth.roles", MetricKind.TIMER)));
        assertNull(naming.name(P + "Table.ReadLatency.system.local", MetricKind.TIMER));
        assertNull(naming.name(P + "Table.ReadLatency.shop.audit_2024", MetricKind.TIMER));
        assertEquals("cassandra_table_coordinator_read_latency_seconds{keyspace=shop,table=orders}",
                describe(naming.name(P + "Table.CoordinatorReadLatency.shop.orders", MetricKind.TIMER)));
        assertNull(naming.name(P + "Table.CoordinatorReadLatency.other.t", MetricKind.TIMER), "others at default");
    }

    @Test
    void includeAndExcludeFamilyGlobs() throws Exception {
        CassandraNaming naming = naming("metrics:\n  include: [\"cassandra_table_*\", \"cassandra_thread_pool_*\"]\n"
                + "  exclude: [\"*_range_latency_seconds\"]\n");
        assertEquals("cassandra_table_read_latency_seconds{keyspace=shop,table=orders}",
                describe(naming.name(P + "Table.ReadLatency.shop.orders", MetricKind.TIMER)));
        assertNull(naming.name(P + "Table.RangeLatency.shop.orders", MetricKind.TIMER));
        assertNull(naming.name(P + "Storage.Load", MetricKind.COUNTER));
    }

    @Test
    void histogramSumComesFromThePairedTotalLatencyCounter() {
        MetricId id = defaults.name(P + "ClientRequest.Latency.Write", MetricKind.TIMER);
        assertEquals(P + "ClientRequest.TotalLatency.Write", id.rendering().sumMetric());
        assertEquals(1e-6, id.rendering().sumScale());
    }

    private static CassandraNaming naming(String yaml) throws Exception {
        return new CassandraNaming(ConfigLoader.parse("cassmon.yml", yaml).metrics());
    }

    private static String describe(MetricId id) {
        return id.family() + "{" + labelText(id) + "}";
    }

    private static String labelText(MetricId id) {
        List<String> names = id.labelNames();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            out.append(i > 0 ? "," : "").append(names.get(i)).append('=').append(id.labelValues().get(i));
        }
        return out.toString();
    }
}
