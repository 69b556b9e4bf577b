#!/usr/bin/env bash
# transform-service bench: generate N activities into a lake folder, full rebuild on DuckDB, then +1 activity.
# Usage: bench/transform/run.sh [activities=3000] [work dir=/tmp/paceline-transform-bench]. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-3000}
DIR=${2:-/tmp/paceline-transform-bench}
HEAP=${HEAP:-1g}
echo "== compiling transform-service and strava-simulator (with their upstream modules)" >&2
# process-classes also writes target/runtime-classpath.txt (maven-dependency-plugin, bound in the build: no extra
# plugin resolution, so this works offline once the project has been built).
./mvnw -B -q -o -pl transform-service,strava-simulator -am process-classes >&2
CP="transform-service/target/classes:strava-simulator/target/classes:platform/target/classes:platform-warehouse/target/classes:activity-stats/target/classes"
CP="$CP:$(cat transform-service/target/runtime-classpath.txt)"
echo "== running with -Xmx$HEAP" >&2
exec java -Xmx"$HEAP" -cp "$CP" bench/transform/TransformBench.java "$N" "$DIR"
