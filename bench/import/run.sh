#!/usr/bin/env bash
# Import bench: generate an export archive of N activities, import it into a lake folder, import it again.
# Usage: bench/import/run.sh [activities=2000] [work dir=/tmp/paceline-import-bench]. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-2000}
DIR=${2:-/tmp/paceline-import-bench}
HEAP=${HEAP:-512m}
CP_FILE=$(mktemp)
echo "== compiling ingest-service and strava-simulator (with their upstream modules)" >&2
# one reactor build, so activity-files resolves from the reactor (never installed); ingest-service is built last and
# leaves its runtime classpath in CP_FILE
./mvnw -B -q -o -pl ingest-service,strava-simulator -am compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
CP="ingest-service/target/classes:strava-simulator/target/classes:activity-files/target/classes:platform/target/classes"
CP="$CP:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
echo "== running with -Xmx$HEAP" >&2
exec java -Xmx"$HEAP" -XX:ActiveProcessorCount="${CORES:-2}" -cp "$CP" bench/import/ImportBench.java "$N" "$DIR"
