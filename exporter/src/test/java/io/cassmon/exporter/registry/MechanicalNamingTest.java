package io.cassmon.exporter.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MechanicalNamingTest {
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        org.apache.cassandra.metrics.Table.ReadLatency.ks.tbl            | TIMER     | cassandra_table_read_latency_ks_tbl_seconds
        org.apache.cassandra.metrics.ClientRequest.Latency.CASRead       | TIMER     | cassandra_client_request_latency_cas_read_seconds
        org.apache.cassandra.metrics.HintsService.Hint_delays-127.0.0.2  | HISTOGRAM | cassandra_hints_service_hint_delays_127_0_0_2
        org.apache.cassandra.metrics.ThreadPools.ActiveTasks.transport.Native-Transport-Requests | GAUGE | cassandra_thread_pools_active_tasks_transport_native_transport_requests
        org.apache.cassandra.metrics.Storage.Load                        | COUNTER   | cassandra_storage_load
        db.query-time                                                    | TIMER     | db_query_time_seconds
        9lives                                                           | GAUGE     | _9lives
        jvm.gc.G1-Young-Generation.count                                 | GAUGE     | jvm_gc_g1_young_generation_count
        """)
    void namesAreValidSnakeCase(String dropwizardName, MetricKind kind, String family) {
        assertEquals(family, new MechanicalNaming().name(dropwizardName, kind).family());
    }
}
