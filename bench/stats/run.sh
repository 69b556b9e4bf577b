#!/usr/bin/env bash
# Stream parsing and best-effort budget bench (issues #6, #15): every streams object of a lake.
# Usage: bench/stats/run.sh [lake=/tmp/paceline-transform-bench/lake] (bench/transform/run.sh makes that lake). See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
LAKE=${1:-/tmp/paceline-transform-bench/lake}
# process-classes also writes target/runtime-classpath.txt (maven-dependency-plugin, bound in the build).
./mvnw -B -q -o -pl activity-stats process-classes >&2
CP="activity-stats/target/classes:$(cat activity-stats/target/runtime-classpath.txt)"
exec java -Xmx${HEAP:-2g} -cp "$CP" bench/stats/PowerBestsBench.java "$LAKE"
