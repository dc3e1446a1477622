#!/usr/bin/env bash
# The no-Docker demo: builds the agent, starts a real Cassandra node (jars from Maven Central) with the agent
# attached, a light workload, and Prometheus when installed. Ctrl-C stops everything it started.
# Usage: ./demo.sh [cassandra-version]   (default 5.0.9; 4.1.x and 4.0.x work too)
set -euo pipefail
cd "$(dirname "$0")"
version="${1:-5.0.9}"
echo "Building the agent (agent/target/cassmon-agent.jar)..."
mvn -q -B install -DskipTests
cd agent
exec mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cassmon.agent.demo.DemoNode \
  -Dexec.args="$version" -Dcassmon.agent.jar=target/cassmon-agent.jar -Dcassmon.it.workdir=target/demo
