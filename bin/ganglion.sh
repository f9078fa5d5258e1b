#!/usr/bin/env bash
# Starts Ganglion. Usage: bin/ganglion.sh [--repo DIR] [--port N] [--https-port N] [--validate] [-h]
# Builds the project once if the transports jar or its libraries are missing.
# JAVA_OPTS is passed to the JVM, e.g. JAVA_OPTS="-Xmx1g -Dlogback.configurationFile=my-logback.xml".
set -euo pipefail

source_path="${BASH_SOURCE[0]}"
while [ -h "$source_path" ]; do
  dir="$(cd -P "$(dirname "$source_path")" && pwd)"
  source_path="$(readlink "$source_path")"
  [[ "$source_path" != /* ]] && source_path="$dir/$source_path"
done
ROOT="$(cd -P "$(dirname "$source_path")/.." && pwd)"
TARGET="$ROOT/transports/target"

find_jar() {
  local jar
  for jar in "$TARGET"/ganglion-transports-*.jar; do
    case "$jar" in
      *-sources.jar|*-javadoc.jar|*-tests.jar) continue ;;
    esac
    [ -f "$jar" ] && { printf '%s\n' "$jar"; return 0; }
  done
  return 1
}

if ! JAR="$(find_jar)" || [ ! -d "$TARGET/lib" ]; then
  echo "ganglion: building the project once (mvn -B -q -DskipTests install)..." >&2
  (cd "$ROOT" && mvn -B -q -DskipTests install) >&2
  JAR="$(find_jar)" || { echo "ganglion: build produced no transports jar in $TARGET" >&2; exit 2; }
fi

has_repo=false
for arg in "$@"; do
  case "$arg" in
    --repo|--repo=*) has_repo=true ;;
  esac
done

if [ "$has_repo" = false ]; then
  set -- --repo "$ROOT/repository" "$@"
fi

# exec: the JVM replaces this shell, so SIGTERM and Ctrl-C reach it directly.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options by design
exec java ${JAVA_OPTS:-} -cp "$JAR:$TARGET/lib/*" io.ganglion.server.Main "$@"
