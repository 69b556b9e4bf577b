#!/usr/bin/env bash
# Best-effort budget bench (issue #6): the original five power durations over every ride of a lake.
# Usage: bench/stats/run.sh [lake=/tmp/paceline-transform-bench/lake] (bench/transform/run.sh makes that lake). See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
LAKE=${1:-/tmp/paceline-transform-bench/lake}
CP_FILE=$(mktemp)
./mvnw -B -q -o -pl activity-stats compile >&2
./mvnw -B -q -o -pl activity-stats dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
CP="activity-stats/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
exec java -Xmx${HEAP:-2g} -cp "$CP" bench/stats/PowerBestsBench.java "$LAKE"
