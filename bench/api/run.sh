#!/usr/bin/env bash
# metrics-api load bench: the API (JVM mode) on a generated 3,000-activity snapshot, next to nginx serving the same
# JSON bytes as static files, in the same run, with wrk. Prints requests/s and p99 per endpoint. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

LAKE=${LAKE:-/tmp/paceline-bench-lake}
WORK=${WORK:-/tmp/paceline-bench-work}
API_PORT=${API_PORT:-18080}
STATIC_PORT=${STATIC_PORT:-18081}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ACTIVITIES=${ACTIVITIES:-3000}
HEAP=${HEAP:-512m}
KEY=bench-local-admin-key-0123456789
# Health answers on the management port (quarkus.management.port).
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((API_PORT + 1000))}

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install -y nginx-light" >&2; exit 2; }

if [ ! -f "$LAKE/serving/CURRENT" ]; then
  echo "== generating a snapshot with $ACTIVITIES activities in $LAKE"
  python3 bench/api/generate_snapshot.py "$LAKE" --activities "$ACTIVITIES" > /dev/null
fi
if [ ! -f metrics-api/target/quarkus-app/quarkus-run.jar ]; then
  echo "== building metrics-api"
  ./mvnw -B -q -pl metrics-api package -DskipTests
fi

rm -rf "$WORK" && mkdir -p "$WORK/static" "$WORK/nginx"
cleanup() {
  [ -f "$WORK/api.pid" ] && kill "$(cat "$WORK/api.pid")" 2>/dev/null || true
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

echo "== starting metrics-api on :$API_PORT (JVM, -Xmx$HEAP)"
PACELINE_LOCAL_API_KEY=$KEY PACELINE_LAKE_URI="$LAKE" QUARKUS_HTTP_PORT=$API_PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  java -Xmx"$HEAP" -jar metrics-api/target/quarkus-app/quarkus-run.jar > "$WORK/api.log" 2>&1 &
echo $! > "$WORK/api.pid"
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null || { echo "API did not become ready" >&2; tail -30 "$WORK/api.log"; exit 1; }

declare -A URLS=(
  [zone-times]="/api/v1/athletes/1/zone-times?type=heartrate&group=week&from=2026-01-01&to=2026-11-27"
  [power-bests]="/api/v1/athletes/1/power-bests?durations=15s,1m,5m,10m,20m&from=2026-01-01&to=2026-11-27"
  [rolling]="/api/v1/athletes/1/rolling?window=90d&sport=ride"
)
ORDER=(zone-times power-bests rolling)

echo "== first requests (cold: the athlete's partitions load from the lake)"
for name in "${ORDER[@]}"; do
  t=$(curl -sf -w '%{time_total}' -H "Authorization: Bearer $KEY" "http://127.0.0.1:$API_PORT${URLS[$name]}" \
    -o "$WORK/static/$name.json")
  printf '%-12s %6.0f ms\n' "$name" "$(awk -v t="$t" 'BEGIN {print t * 1000}')"
done

cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { application/json json; }
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$STATIC_PORT; root $WORK/static; etag on; }
}
NGINX
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
sleep 1

run_wrk() { # url duration -> "req/s p99"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -H "Authorization: Bearer $KEY" "$1" > "$WORK/wrk.out"
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.out")
  echo "$rps $p99 ${non2xx:-0}"
}

echo "== warm-up ($WARMUP per endpoint)"
for name in "${ORDER[@]}"; do run_wrk "http://127.0.0.1:$API_PORT${URLS[$name]}" "$WARMUP" > /dev/null; done

echo "== measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %-6s %10s %10s %8s %7s %s\n' endpoint server req/s p99 non2xx ratio bytes
for name in "${ORDER[@]}"; do
  bytes=$(stat -c %s "$WORK/static/$name.json")
  read -r api_rps api_p99 api_bad < <(run_wrk "http://127.0.0.1:$API_PORT${URLS[$name]}" "$DURATION")
  read -r ngx_rps ngx_p99 ngx_bad < <(run_wrk "http://127.0.0.1:$STATIC_PORT/$name.json" "$DURATION")
  ratio=$(awk -v a="$api_rps" -v n="$ngx_rps" 'BEGIN {printf "%.2f", a / n}')
  printf '%-12s %-6s %10s %10s %8s %7s %s\n' "$name" api "$api_rps" "$api_p99" "$api_bad" "$ratio" "$bytes"
  printf '%-12s %-6s %10s %10s %8s %7s %s\n' "$name" nginx "$ngx_rps" "$ngx_p99" "$ngx_bad" "" "$bytes"
done
echo "== answer cache (bounded by paceline.api.cache.max-answer-bytes) and partitions, from /q/metrics:"
curl -sf "http://127.0.0.1:$API_PORT/q/metrics" | grep -E '^paceline_api_(answers|cache)_(bytes|max_bytes|entries|hits_total)' || true
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; other processes on the machine count)"
