#!/usr/bin/env bash
# The demo. Where a Docker engine runs: `docker compose up --build` (three Cassandra 5.0 nodes in two DCs with
# the agent, a workload, Prometheus, Alertmanager, Grafana). Elsewhere, or with CASSMON_DEMO=local: a real
# Cassandra node from Maven Central with the agent and a light workload, plus Prometheus and Alertmanager with
# the shipped prometheus/ and alertmanager/ files when Debian's binaries are installed. Ctrl-C stops everything.
# Usage: ./demo.sh [cassandra-version]   (local mode; default 5.0.9, 4.1.x and 4.0.x work too)
set -euo pipefail
cd "$(dirname "$0")"
if [ "${CASSMON_DEMO:-auto}" != local ] && command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  echo "Docker engine found: docker compose up --build (CASSMON_DEMO=local ./demo.sh runs without Docker)"
  exec docker compose up --build
fi
version="${1:-5.0.9}"
echo "Building the agent (agent/target/cassmon-agent.jar)..."
mvn -q -B install -DskipTests
cd stack
exec mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cassmon.stack.DemoStack \
  -Dexec.args="$version" -Dcassmon.agent.jar=../agent/target/cassmon-agent.jar -Dcassmon.it.workdir=target/demo
