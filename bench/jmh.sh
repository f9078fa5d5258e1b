#!/usr/bin/env bash
# JMH benchmarks of the engine's hot paths (no sockets). Usage: bench/jmh.sh [JMH options, e.g. EngineBenchmark -f 1]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$ROOT" && mvn -B -q -Pbench -DskipTests install -pl engine,bench -am)
exec java -cp "$ROOT/bench/target/ganglion-bench-0.1.0-SNAPSHOT.jar:$ROOT/bench/target/lib/*" org.openjdk.jmh.Main "$@"
