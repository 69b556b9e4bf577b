#!/usr/bin/env bash
# transform-service bench: generate N activities into a lake folder, full rebuild on DuckDB, then +1 activity.
# Usage: bench/transform/run.sh [activities=3000] [work dir=/tmp/paceline-transform-bench]. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-3000}
DIR=${2:-/tmp/paceline-transform-bench}
HEAP=${HEAP:-1g}
CP_FILE=$(mktemp)
echo "== compiling transform-service and strava-simulator (with their upstream modules)" >&2
./mvnw -B -q -o -pl transform-service,strava-simulator -am compile >&2
./mvnw -B -q -o -pl transform-service dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
CP="transform-service/target/classes:strava-simulator/target/classes:platform/target/classes:activity-stats/target/classes"
CP="$CP:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
echo "== running with -Xmx$HEAP" >&2
exec java -Xmx"$HEAP" -cp "$CP" bench/transform/TransformBench.java "$N" "$DIR"
