package io.cassmon.exporter.cassandra;

import static io.cassmon.exporter.cassandra.Layout.BUFFER_POOL;
import static io.cassmon.exporter.cassandra.Layout.CACHE;
import static io.cassmon.exporter.cassandra.Layout.CLIENT_REQUEST;
import static io.cassmon.exporter.cassandra.Layout.MESSAGE_TYPE;
import static io.cassmon.exporter.cassandra.Layout.NODE;
import static io.cassmon.exporter.cassandra.Layout.PEER;
import static io.cassmon.exporter.cassandra.Layout.SOURCE_DATACENTER;
import static io.cassmon.exporter.cassandra.Layout.TABLE;
import static io.cassmon.exporter.cassandra.Layout.THREAD_POOL;
import static io.cassmon.exporter.histogram.BucketFamily.COUNT;
import static io.cassmon.exporter.histogram.BucketFamily.SIZE;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The Cassandra metric catalog: every registry metric cassmon exports, as one row each. Registry type and name
 * on the left, the Prometheus family on the right. Rows marked {@code full()} are exported only at detail
 * {@code full}; a metric missing from a version is simply absent. Table rows also serve index tables
 * ({@code cassandra_index_table_*}, label {@code index}) and, when aggregates are enabled, keyspaces
 * ({@code cassandra_keyspace_*}). Registry metrics not listed here are not exported unless
 * {@code metrics.unlisted} is on.
 */
public final class CassandraCatalog {
    private static final double PERCENT = 0.01;
    /**
     * How often gauges that make Cassandra read from disk are read. Their values change with SSTables and snapshots,
     * not by the second; read on every scrape they allocated half of what a {@code full} scrape of 200 tables did.
     */
    private static final int COSTLY_READ_SECONDS = 60;

    static final List<CatalogEntry> ENTRIES = Collections.unmodifiableList(Arrays.asList(
        // ---- Tables: labels keyspace, table ----
        at(TABLE, "Table", "ReadLatency").latency("cassandra_table_read_latency_seconds", "ReadTotalLatency",
                "Local read latency on this replica: one observation per partition read (single-partition reads)."),
        at(TABLE, "Table", "ReadTotalLatency").sumOnly(),
        at(TABLE, "Table", "WriteLatency").latency("cassandra_table_write_latency_seconds", "WriteTotalLatency",
                "Local write latency on this replica: one observation per mutation applied."),
        at(TABLE, "Table", "WriteTotalLatency").sumOnly(),
        at(TABLE, "Table", "RangeLatency").latency("cassandra_table_range_latency_seconds", "RangeTotalLatency",
                "Local range-scan latency on this replica."),
        at(TABLE, "Table", "RangeTotalLatency").sumOnly(),
        at(TABLE, "Table", "CoordinatorReadLatency").full().latency("cassandra_table_coordinator_read_latency_seconds",
                null, "Read latency of requests this node coordinated for the table."),
        at(TABLE, "Table", "CoordinatorWriteLatency").full().since("4.0+").latency(
                "cassandra_table_coordinator_write_latency_seconds", null,
                "Write latency of requests this node coordinated for the table."),
        at(TABLE, "Table", "CoordinatorScanLatency").full().latency("cassandra_table_coordinator_scan_latency_seconds",
                null, "Range-scan latency of requests this node coordinated for the table."),
        at(TABLE, "Table", "CasPrepareLatency").full().latency("cassandra_table_cas_prepare_latency_seconds",
                "CasPrepareTotalLatency", "Latency of the Paxos prepare phase of lightweight transactions."),
        at(TABLE, "Table", "CasPrepareTotalLatency").sumOnly(),
        at(TABLE, "Table", "CasProposeLatency").full().latency("cassandra_table_cas_propose_latency_seconds",
                "CasProposeTotalLatency", "Latency of the Paxos propose phase of lightweight transactions."),
        at(TABLE, "Table", "CasProposeTotalLatency").sumOnly(),
        at(TABLE, "Table", "CasCommitLatency").full().latency("cassandra_table_cas_commit_latency_seconds",
                "CasCommitTotalLatency", "Latency of the Paxos commit phase of lightweight transactions."),
        at(TABLE, "Table", "CasCommitTotalLatency").sumOnly(),
        at(TABLE, "Table", "SSTablesPerReadHistogram").histogram("cassandra_table_sstables_per_read", COUNT,
                "SSTables touched per single-partition read."),
        at(TABLE, "Table", "SSTablesPerRangeReadHistogram").full().since("5.0+").histogram(
                "cassandra_table_sstables_per_range_read", COUNT, "SSTables touched per range read."),
        at(TABLE, "Table", "TombstoneScannedHistogram").histogram("cassandra_table_tombstones_scanned_per_read", COUNT,
                "Tombstones scanned per read."),
        at(TABLE, "Table", "LiveScannedHistogram").histogram("cassandra_table_live_cells_scanned_per_read", COUNT,
                "Live cells scanned per read."),
        at(TABLE, "Table", "EstimatedPartitionSizeHistogram").gaugeHistogram("cassandra_table_partition_size_bytes",
                SIZE, "Partition sizes in the table's live SSTables (current data, not cumulative)."),
        at(TABLE, "Table", "EstimatedColumnCountHistogram").full().gaugeHistogram("cassandra_table_partition_cells",
                COUNT, "Cells per partition in the table's live SSTables (current data, not cumulative)."),
        at(TABLE, "Table", "MaxPartitionSize").gauge("cassandra_table_max_partition_size_bytes",
                "Size of the largest partition in the table's live SSTables."),
        at(TABLE, "Table", "MeanPartitionSize").gauge("cassandra_table_mean_partition_size_bytes",
                "Mean partition size in the table's live SSTables."),
        at(TABLE, "Table", "MinPartitionSize").full().gauge("cassandra_table_min_partition_size_bytes",
                "Size of the smallest partition in the table's live SSTables."),
        at(TABLE, "Table", "EstimatedPartitionCount").full().readAtMostEvery(COSTLY_READ_SECONDS).gauge(
                "cassandra_table_estimated_partitions", "Estimated number of partitions (reads every SSTable's"
                        + " metadata from disk: full detail only, read at most once a minute)."),
        at(TABLE, "Table", "LiveSSTableCount").gauge("cassandra_table_live_sstables", "Live SSTables of the table."),
        at(TABLE, "Table", "LiveDiskSpaceUsed").gauge("cassandra_table_live_disk_space_bytes",
                "Disk space used by the table's live SSTables."),
        at(TABLE, "Table", "TotalDiskSpaceUsed").gauge("cassandra_table_total_disk_space_bytes",
                "Disk space used by the table's SSTables, including obsolete ones not yet deleted."),
        at(TABLE, "Table", "UncompressedLiveDiskSpaceUsed").full().since("5.0+").gauge(
                "cassandra_table_uncompressed_live_disk_space_bytes", "Uncompressed size of the table's live SSTables."),
        at(TABLE, "Table", "SnapshotsSize").full().readAtMostEvery(COSTLY_READ_SECONDS).gauge(
                "cassandra_table_snapshots_size_bytes", "Disk space used by the table's snapshots (walks the snapshot"
                        + " directories: full detail only, read at most once a minute)."),
        at(TABLE, "Table", "PendingCompactions").gauge("cassandra_table_pending_compactions",
                "Estimated compactions still to run for the table."),
        at(TABLE, "Table", "PendingFlushes").gauge("cassandra_table_pending_flushes",
                "Memtable flushes of the table waiting to run."),
        at(TABLE, "Table", "MemtableLiveDataSize").gauge("cassandra_table_memtable_live_data_bytes",
                "Live data in the table's memtable."),
        at(TABLE, "Table", "MemtableOnHeapDataSize").full().gauge("cassandra_table_memtable_on_heap_bytes",
                "Heap used by the table's memtable."),
        at(TABLE, "Table", "MemtableOffHeapDataSize").full().gauge("cassandra_table_memtable_off_heap_bytes",
                "Off-heap memory used by the table's memtable."),
        at(TABLE, "Table", "MemtableColumnsCount").full().gauge("cassandra_table_memtable_cells",
                "Cells in the table's memtable."),
        at(TABLE, "Table", "MemtableSwitchCount").counter("cassandra_table_memtable_switches",
                "Memtable switches (flushes started) of the table."),
        at(TABLE, "Table", "BytesFlushed").counter("cassandra_table_flushed_bytes",
                "Bytes the table's memtables flushed to disk."),
        at(TABLE, "Table", "CompactionBytesWritten").counter("cassandra_table_compaction_written_bytes",
                "Bytes compaction wrote for the table."),
        at(TABLE, "Table", "BloomFilterFalseRatio").gauge("cassandra_table_bloom_filter_false_ratio",
                "Bloom filter false positives over all checks, over the live SSTables."),
        at(TABLE, "Table", "BloomFilterFalsePositives").full().gauge("cassandra_table_bloom_filter_false_positives",
                "Bloom filter false positives over the live SSTables (falls when SSTables are compacted away)."),
        at(TABLE, "Table", "BloomFilterDiskSpaceUsed").full().gauge("cassandra_table_bloom_filter_disk_space_bytes",
                "Disk space used by the table's bloom filters."),
        at(TABLE, "Table", "BloomFilterOffHeapMemoryUsed").full().gauge("cassandra_table_bloom_filter_off_heap_bytes",
                "Off-heap memory used by the table's bloom filters."),
        at(TABLE, "Table", "IndexSummaryOffHeapMemoryUsed").full().gauge("cassandra_table_index_summary_off_heap_bytes",
                "Off-heap memory used by the table's index summaries."),
        at(TABLE, "Table", "CompressionMetadataOffHeapMemoryUsed").full().gauge(
                "cassandra_table_compression_metadata_off_heap_bytes",
                "Off-heap memory used by the table's compression metadata."),
        at(TABLE, "Table", "CompressionRatio").full().gauge("cassandra_table_compression_ratio",
                "Compressed over uncompressed size of the table's SSTables."),
        at(TABLE, "Table", "KeyCacheHitRate").full().gauge("cassandra_table_key_cache_hit_ratio",
                "Key cache hits over requests for the table's SSTables."),
        at(TABLE, "Table", "SpeculativeRetries").counter("cassandra_table_speculative_retries",
                "Speculative retries this node sent for reads of the table."),
        at(TABLE, "Table", "SpeculativeFailedRetries").full().counter("cassandra_table_speculative_failed_retries",
                "Speculative retries that failed to prevent a timeout."),
        at(TABLE, "Table", "SpeculativeInsufficientReplicas").full().counter(
                "cassandra_table_speculative_insufficient_replicas",
                "Speculative retries not sent for lack of replicas."),
        at(TABLE, "Table", "TombstoneFailures").counter("cassandra_table_tombstone_failures",
                "Reads aborted for scanning more tombstones than tombstone_failure_threshold."),
        at(TABLE, "Table", "TombstoneWarnings").counter("cassandra_table_tombstone_warnings",
                "Reads that scanned more tombstones than tombstone_warn_threshold."),
        at(TABLE, "Table", "DroppedMutations").since("3.11-4.1").counter("cassandra_table_dropped_mutations",
                "Mutations of the table dropped because they waited longer than their timeout."),
        at(TABLE, "Table", "RowCacheHit").full().counter("cassandra_table_row_cache_hits", "Row cache hits."),
        at(TABLE, "Table", "RowCacheMiss").full().counter("cassandra_table_row_cache_misses", "Row cache misses."),
        at(TABLE, "Table", "PercentRepaired").full().scaled(PERCENT).gauge("cassandra_table_repaired_ratio",
                "Share of the table's data that is repaired."),
        at(TABLE, "Table", "BytesRepaired").full().gauge("cassandra_table_repaired_bytes",
                "Size of the table's repaired SSTables."),
        at(TABLE, "Table", "BytesUnrepaired").full().gauge("cassandra_table_unrepaired_bytes",
                "Size of the table's unrepaired SSTables."),
        at(TABLE, "Table", "BytesPendingRepair").full().gauge("cassandra_table_pending_repair_bytes",
                "Size of the table's SSTables pending an incremental repair."),
        at(TABLE, "Table", "UnleveledSSTables").full().gauge("cassandra_table_unleveled_sstables",
                "SSTables in level 0 (leveled compaction)."),
        at(TABLE, "Table", "ReadRepairRequests").full().counter("cassandra_table_read_repair_requests",
                "Read repairs this node started for the table."),
        at(TABLE, "Table", "ShortReadProtectionRequests").full().counter(
                "cassandra_table_short_read_protection_requests", "Short read protection requests for the table."),

        // ---- Thread pools: labels group (request, internal, transport), pool ----
        at(THREAD_POOL, "ThreadPools", "ActiveTasks").gauge("cassandra_thread_pool_active_tasks",
                "Tasks the pool is running."),
        at(THREAD_POOL, "ThreadPools", "PendingTasks").gauge("cassandra_thread_pool_pending_tasks",
                "Tasks queued in the pool."),
        at(THREAD_POOL, "ThreadPools", "CompletedTasks").counter("cassandra_thread_pool_completed_tasks",
                "Tasks the pool has completed."),
        at(THREAD_POOL, "ThreadPools", "TotalBlockedTasks").counter("cassandra_thread_pool_blocked_tasks",
                "Tasks blocked because the pool's queue was full."),
        at(THREAD_POOL, "ThreadPools", "CurrentlyBlockedTasks").gauge("cassandra_thread_pool_currently_blocked_tasks",
                "Tasks blocked right now because the pool's queue is full."),
        at(THREAD_POOL, "ThreadPools", "MaxPoolSize").gauge("cassandra_thread_pool_max_threads",
                "Maximum threads of the pool."),
        at(THREAD_POOL, "ThreadPools", "MaxTasksQueued").since("4.0+").gauge("cassandra_thread_pool_max_queued_tasks",
                "Maximum tasks the pool queues before blocking."),

        // ---- Compaction ----
        at(NODE, "Compaction", "PendingTasks").gauge("cassandra_compaction_pending_tasks",
                "Estimated compactions still to run on this node."),
        at(NODE, "Compaction", "CompletedTasks").counter("cassandra_compaction_completed_tasks",
                "Compaction executor tasks completed."),
        at(NODE, "Compaction", "TotalCompactionsCompleted").counter("cassandra_compaction_compactions_completed",
                "Compactions completed."),
        at(NODE, "Compaction", "BytesCompacted").counter("cassandra_compaction_bytes",
                "Bytes compacted (read by compactions)."),
        at(NODE, "Compaction", "CompactionsAborted").since("4.0+").counter("cassandra_compaction_aborted",
                "Compactions aborted."),
        at(NODE, "Compaction", "CompactionsReduced").since("4.0+").counter("cassandra_compaction_reduced",
                "Compactions reduced in scope for lack of disk space."),
        at(NODE, "Compaction", "SSTablesDroppedFromCompaction").since("4.0+").counter(
                "cassandra_compaction_sstables_dropped", "SSTables left out of compactions for lack of disk space."),

        // ---- Client requests (coordinator): label operation (read, write, range_slice, cas_read, ...) ----
        at(CLIENT_REQUEST, "ClientRequest", "Latency").latency("cassandra_client_request_latency_seconds",
                "TotalLatency", "Latency of client requests this node coordinated."),
        at(CLIENT_REQUEST, "ClientRequest", "TotalLatency").sumOnly(),
        at(CLIENT_REQUEST, "ClientRequest", "Timeouts").counter("cassandra_client_request_timeouts",
                "Client requests that timed out waiting for replicas."),
        at(CLIENT_REQUEST, "ClientRequest", "Unavailables").counter("cassandra_client_request_unavailables",
                "Client requests refused because too few replicas were alive for the consistency level."),
        at(CLIENT_REQUEST, "ClientRequest", "Failures").counter("cassandra_client_request_failures",
                "Client requests that failed on a replica (e.g. too many tombstones)."),
        at(CLIENT_REQUEST, "ClientRequest", "Aborts").since("4.1+").counter("cassandra_client_request_aborts",
                "Client requests aborted by guardrails."),
        at(CLIENT_REQUEST, "ClientRequest", "LocalRequests").full().since("4.1+").counter(
                "cassandra_client_request_local_requests", "Client requests served by this node as a replica."),
        at(CLIENT_REQUEST, "ClientRequest", "RemoteRequests").full().since("4.1+").counter(
                "cassandra_client_request_remote_requests", "Client requests sent to other replicas."),
        at(CLIENT_REQUEST, "ClientRequest", "ConditionNotMet").counter("cassandra_client_request_cas_condition_not_met",
                "Lightweight transactions whose condition was not met."),
        at(CLIENT_REQUEST, "ClientRequest", "UnfinishedCommit").counter("cassandra_client_request_cas_unfinished_commits",
                "Lightweight transactions that found an unfinished commit to complete."),
        at(CLIENT_REQUEST, "ClientRequest", "ContentionHistogram").histogram("cassandra_client_request_cas_contention",
                COUNT, "Contention (Paxos rounds lost) per lightweight transaction."),
        at(CLIENT_REQUEST, "ClientRequest", "MutationSizeHistogram").full().since("4.0+").histogram(
                "cassandra_client_request_mutation_size_bytes", SIZE, "Size of mutations this node coordinated."),

        // ---- Dropped messages: label message_type (4.0's MUTATION_REQ and 3.11's MUTATION are MUTATION) ----
        at(MESSAGE_TYPE, "DroppedMessage", "Dropped").counter("cassandra_dropped_messages",
                "Messages dropped because they waited longer than their timeout."),
        at(MESSAGE_TYPE, "DroppedMessage", "InternalDroppedLatency").full().latency(
                "cassandra_dropped_message_internal_latency_seconds", null,
                "Age of messages from this node when they were dropped."),
        at(MESSAGE_TYPE, "DroppedMessage", "CrossNodeDroppedLatency").full().latency(
                "cassandra_dropped_message_cross_node_latency_seconds", null,
                "Age of messages from other nodes when they were dropped."),

        // ---- Storage and hints ----
        at(NODE, "Storage", "Load").gauge("cassandra_storage_load_bytes", "Size on disk of the data this node holds."),
        at(NODE, "Storage", "UncompressedLoad").since("5.0+").gauge("cassandra_storage_uncompressed_load_bytes",
                "Uncompressed size of the data this node holds."),
        at(NODE, "Storage", "Exceptions").counter("cassandra_storage_exceptions",
                "Internal exceptions caught by Cassandra."),
        at(NODE, "Storage", "RepairExceptions").since("4.0+").counter("cassandra_storage_repair_exceptions",
                "Exceptions during repair."),
        at(NODE, "Storage", "TotalHints").counter("cassandra_storage_hints",
                "Hints this node stored for unreachable replicas."),
        at(NODE, "Storage", "TotalHintsInProgress").gauge("cassandra_storage_hints_in_progress",
                "Hints being written right now."),
        at(NODE, "HintsService", "HintsSucceeded").since("4.0+").counter("cassandra_hints_succeeded",
                "Hints delivered to their replica."),
        at(NODE, "HintsService", "HintsFailed").since("4.0+").counter("cassandra_hints_failed",
                "Hint deliveries that failed."),
        at(NODE, "HintsService", "HintsTimedOut").since("4.0+").counter("cassandra_hints_timed_out",
                "Hint deliveries that timed out."),

        // ---- CQL ----
        at(NODE, "CQL", "PreparedStatementsExecuted").counter("cassandra_cql_prepared_statements_executed",
                "Prepared statements executed."),
        at(NODE, "CQL", "RegularStatementsExecuted").counter("cassandra_cql_regular_statements_executed",
                "Non-prepared statements executed."),
        at(NODE, "CQL", "PreparedStatementsEvicted").counter("cassandra_cql_prepared_statements_evicted",
                "Prepared statements evicted from the cache."),
        at(NODE, "CQL", "PreparedStatementsCount").gauge("cassandra_cql_prepared_statements",
                "Prepared statements in the cache."),
        at(NODE, "CQL", "UseStatementsExecuted").since("4.1+").counter("cassandra_cql_use_statements_executed",
                "USE statements executed."),

        // ---- Caches: label cache (key_cache, row_cache, counter_cache, chunk_cache) ----
        at(CACHE, "Cache", "Capacity").gauge("cassandra_cache_capacity_bytes", "Capacity of the cache."),
        at(CACHE, "Cache", "Size").gauge("cassandra_cache_size_bytes", "Memory the cache uses."),
        at(CACHE, "Cache", "Entries").gauge("cassandra_cache_entries", "Entries in the cache."),
        at(CACHE, "Cache", "Hits").counter("cassandra_cache_hits", "Cache hits."),
        at(CACHE, "Cache", "Misses").counter("cassandra_cache_misses", "Cache misses."),
        at(CACHE, "Cache", "Requests").counter("cassandra_cache_requests", "Cache requests."),

        // ---- Commit log ----
        at(NODE, "CommitLog", "PendingTasks").gauge("cassandra_commitlog_pending_tasks",
                "Commit log writes waiting to run."),
        at(NODE, "CommitLog", "CompletedTasks").counter("cassandra_commitlog_completed_tasks",
                "Commit log writes completed."),
        at(NODE, "CommitLog", "TotalCommitLogSize").gauge("cassandra_commitlog_size_bytes",
                "Disk space used by commit log segments."),
        at(NODE, "CommitLog", "WaitingOnSegmentAllocation").latency(
                "cassandra_commitlog_waiting_on_segment_allocation_seconds", null,
                "Time writes waited for a commit log segment to be allocated."),
        at(NODE, "CommitLog", "WaitingOnCommit").latency("cassandra_commitlog_waiting_on_commit_seconds", null,
                "Time writes waited for the commit log to sync (batch/group commit)."),
        at(NODE, "CommitLog", "WaitingOnFlush").full().since("4.1+").latency(
                "cassandra_commitlog_waiting_on_flush_seconds", null, "Time spent waiting on commit log flushes."),
        at(NODE, "CommitLog", "OverSizedMutations").since("4.1+").counter("cassandra_commitlog_oversized_mutations",
                "Mutations rejected for exceeding the maximum mutation size."),

        // ---- Streaming ----
        at(NODE, "Streaming", "TotalIncomingBytes").counter("cassandra_streaming_incoming_bytes",
                "Bytes received by streaming (bootstrap, repair, rebuild)."),
        at(NODE, "Streaming", "TotalOutgoingBytes").counter("cassandra_streaming_outgoing_bytes",
                "Bytes sent by streaming."),
        at(NODE, "Streaming", "ActiveOutboundStreams").gauge("cassandra_streaming_active_outbound_streams",
                "Outbound streams in progress."),
        at(PEER, "Streaming", "IncomingBytes").full().counter("cassandra_streaming_peer_incoming_bytes",
                "Bytes received by streaming, per peer."),
        at(PEER, "Streaming", "OutgoingBytes").full().counter("cassandra_streaming_peer_outgoing_bytes",
                "Bytes sent by streaming, per peer."),

        // ---- Buffer pools: label pool (chunk-cache, networking; empty in 3.11) ----
        at(BUFFER_POOL, "BufferPool", "Size").gauge("cassandra_buffer_pool_size_bytes", "Memory allocated to the pool."),
        at(BUFFER_POOL, "BufferPool", "UsedSize").since("4.0+").gauge("cassandra_buffer_pool_used_bytes",
                "Memory of the pool in use."),
        at(BUFFER_POOL, "BufferPool", "Capacity").since("4.0+").gauge("cassandra_buffer_pool_capacity_bytes",
                "Capacity of the pool."),
        at(BUFFER_POOL, "BufferPool", "OverflowSize").since("4.0+").gauge("cassandra_buffer_pool_overflow_bytes",
                "Memory allocated outside the pool because it was exhausted."),
        at(BUFFER_POOL, "BufferPool", "Hits").since("4.0+").counter("cassandra_buffer_pool_hits",
                "Allocations served by the pool."),
        at(BUFFER_POOL, "BufferPool", "Misses").counter("cassandra_buffer_pool_misses",
                "Allocations the pool could not serve."),

        // ---- Read repair ----
        at(NODE, "ReadRepair", "Attempted").counter("cassandra_read_repair_attempted", "Read repairs attempted."),
        at(NODE, "ReadRepair", "RepairedBlocking").counter("cassandra_read_repair_repaired_blocking",
                "Read repairs that blocked the read."),
        at(NODE, "ReadRepair", "RepairedBackground").counter("cassandra_read_repair_repaired_background",
                "Read repairs done in the background."),
        at(NODE, "ReadRepair", "ReconcileRead").since("4.0+").counter("cassandra_read_repair_reconcile_reads",
                "Reads that reconciled differing replicas."),
        at(NODE, "ReadRepair", "SpeculatedRead").since("4.0+").counter("cassandra_read_repair_speculated_reads",
                "Speculative reads sent by read repair."),
        at(NODE, "ReadRepair", "SpeculatedWrite").since("4.0+").counter("cassandra_read_repair_speculated_writes",
                "Speculative writes sent by read repair."),
        at(NODE, "ReadRepair", "RepairTimedOut").since("4.1+").counter("cassandra_read_repair_timed_out",
                "Read repairs that timed out."),

        // ---- Native protocol clients ----
        at(NODE, "Client", "ConnectedNativeClients").gauge("cassandra_client_connected_native_clients",
                "Clients connected over the native protocol (CQL)."),
        at(NODE, "Client", "connectedNativeClients").since("3.11").gauge("cassandra_client_connected_native_clients",
                "Clients connected over the native protocol (CQL)."),
        at(NODE, "Client", "AuthSuccess").since("4.0+").counter("cassandra_client_auth_successes",
                "Successful client authentications."),
        at(NODE, "Client", "AuthFailure").since("4.0+").counter("cassandra_client_auth_failures",
                "Failed client authentications."),
        at(NODE, "Client", "ProtocolException").since("4.0+").counter("cassandra_client_protocol_exceptions",
                "Native protocol errors."),
        at(NODE, "Client", "UnknownException").since("4.0+").counter("cassandra_client_unknown_exceptions",
                "Unexpected errors serving clients."),
        at(NODE, "Client", "RequestDiscarded").since("4.0+").counter("cassandra_client_requests_discarded",
                "Client requests discarded because the node was overloaded."),
        at(NODE, "Client", "PausedConnections").since("4.0+").gauge("cassandra_client_paused_connections",
                "Client connections paused for backpressure."),
        at(NODE, "Client", "RequestsSize").since("4.0+").gauge("cassandra_client_requests_in_flight_bytes",
                "Size of client requests being processed."),
        at(NODE, "Client", "TimedOutBeforeProcessing").since("4.1+").counter(
                "cassandra_client_requests_timed_out_before_processing",
                "Client requests that timed out in the queue before processing."),

        // ---- Internode messaging and memtable pool ----
        at(NODE, "Messaging", "CrossNodeLatency").latency("cassandra_messaging_cross_node_latency_seconds", null,
                "Latency of messages between nodes, measured on receipt (needs synchronised clocks)."),
        at(SOURCE_DATACENTER, "Messaging", "*-Latency").full().latency(
                "cassandra_messaging_cross_node_latency_by_datacenter_seconds", null,
                "Latency of messages between nodes by the sender's datacenter."),
        at(NODE, "MemtablePool", "PendingFlushTasks").since("4.0+").gauge("cassandra_memtable_pending_flush_tasks",
                "Memtable flushes waiting to run."),
        at(NODE, "MemtablePool", "BlockedOnAllocation").full().since("4.0+").latency(
                "cassandra_memtable_blocked_on_allocation_seconds", null,
                "Time writes were blocked waiting for memtable space.")
    ));

    private CassandraCatalog() {
    }

    private static CatalogRow at(Layout layout, String type, String name) {
        return new CatalogRow(layout, type, name);
    }
}
