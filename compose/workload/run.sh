#!/usr/bin/env bash
# A light, bounded workload for the compose cluster: cassandra-stress from the Cassandra image writes a small data
# set once, then runs mixed reads and writes at a fixed low rate through a coordinator in each datacenter, for ever.
set -euo pipefail

STRESS=/opt/cassandra/tools/bin/cassandra-stress
KEYS=100000
RATE_PER_DC=${RATE_PER_DC:-50}
SCHEMA='replication(strategy=NetworkTopologyStrategy,dc1=2,dc2=1)'

echo "workload: writing $KEYS partitions into keyspace1.standard1"
"$STRESS" write n="$KEYS" cl=LOCAL_QUORUM -schema "$SCHEMA" -rate threads=2 throttle=500/s \
  -node datacenter=dc1 cassandra-1,cassandra-2 -errors ignore -log interval=60

mixed() {
  local dc=$1 nodes=$2
  while true; do
    "$STRESS" mixed 'ratio(write=1,read=3)' duration=60m cl=LOCAL_QUORUM -pop "dist=uniform(1..$KEYS)" \
      -rate threads=2 throttle="$RATE_PER_DC"/s -node datacenter="$dc" "$nodes" -errors ignore -log interval=60 \
      || sleep 10
  done
}

echo "workload: mixed reads and writes, $RATE_PER_DC operations/s through each datacenter"
mixed dc1 cassandra-1,cassandra-2 &
mixed dc2 cassandra-3 &
wait
