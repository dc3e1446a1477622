#!/usr/bin/env bash
# cassmon's benchmarks, each from one command (see bench/README.md):
#   ./bench/run.sh [TABLES...]        scrape benchmark: no exporter, cassmon (defaults, full), jmx_exporter,
#                                     at each table count (default: 0 200 1000), after 3 startup rounds of each;
#                                     prints a markdown report
#   ./bench/run.sh workload [TABLES]  workload throughput and p99 with and without 1 s scrapes of cassmon: paired
#                                     phases on one node (default), or fresh nodes with -Dcassmon.bench.workload.mode=nodes
#   ./bench/run.sh startup [TABLES [ROUNDS]]  startup without and with cassmon, rounds in rotated order
#                                     (default 1000 3)
#   ./bench/run.sh jmh [JMH ARGS...]  JMH: exposition (registry -> bytes) vs writing the same bytes
# Every node binds 127.0.0.1 only and is stopped at the end (also on Ctrl-C). Settings: -D properties in
# BENCH_OPTS, e.g. BENCH_OPTS="-Dcassmon.bench.configs=none,cassmon -Dcassmon.bench.seconds=20".
# Every measured window records the CPU other processes used (the quiet-machine guard); on a shared machine run it
# with `nice -n 5` and check the report's "Quiet machine" section.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jmx_version=1.0.1

echo "Building the agent and the benchmarks..." >&2
# The reactor, not ~/.m2: test-jars (the IT harness) resolve from each module's target/.
mvn -q -B package -DskipTests -pl bench -am
cp=bench/target/classes
for m in agent exporter; do
  cp="$cp:$m/target/test-classes:$m/target/classes"
done
# Third-party jars of the bench module (without the cassmon modules, taken from target/ above).
mvn -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -DexcludeGroupIds=io.cassmon -Dmdep.includeScope=runtime
cp="$cp:$(cat bench/target/classpath.txt)"
if [ ! -f bench/target/jmx_exporter/jmx_prometheus_javaagent-$jmx_version.jar ]; then
  mvn -q -B dependency:copy -Dartifact=io.prometheus.jmx:jmx_prometheus_javaagent:$jmx_version \
    -DoutputDirectory=bench/target/jmx_exporter
fi

props=(-Dcassmon.agent.jar="$root/agent/target/cassmon-agent.jar"
  -Dcassmon.bench.jmx.jar="$root/bench/target/jmx_exporter/jmx_prometheus_javaagent-$jmx_version.jar"
  -Dcassmon.bench.jmx.rules="$root/bench/jmx-exporter-cassandra.yml"
  -Dcassmon.it.workdir="$root/bench/target/nodes"
  -Dcassmon.bench.results="$root/bench/target/results")
case "${1:-}" in
  workload)
    shift
    main=io.cassmon.bench.WorkloadBenchmark ;;
  startup)
    shift
    main=io.cassmon.bench.StartupBenchmark ;;
  jmh)
    shift
    exec java -cp "$cp" org.openjdk.jmh.Main "$@" ;;
  *)
    main=io.cassmon.bench.ScrapeBenchmark ;;
esac
# shellcheck disable=SC2086
exec java -Xmx1G "${props[@]}" ${BENCH_OPTS:-} -cp "$cp" "$main" "$@"
