#!/usr/bin/env bash
# Starts Debian's Prometheus (installed with apt if missing) for the system `npm run up` started:
# scrapes the API (/metrics), the worker (its /metrics, with the Temporal SDK's metrics) and the
# Temporal dev server, loads ops/prometheus/rules.yml, and checks that every target is UP. With the
# production profile up (npm run up:cluster) it scrapes both APIs, both workers and every Temporal
# server process instead.
# Data and config in $DATA_DIR/prometheus; UI on http://127.0.0.1:$PROMETHEUS_PORT. `npm run down` stops it.
# Usage: scripts/prometheus.sh [check]   (check: only verify the targets of a running Prometheus)
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
PORT="${PORT:-3000}"
WORKER_METRICS_PORT="${WORKER_METRICS_PORT:-9464}"
TEMPORAL_METRICS_PORT="${TEMPORAL_METRICS_PORT:-9467}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9095}"
dir="$DATA_DIR/prometheus"
pidfile="$DATA_DIR/prometheus.pid"
url="http://127.0.0.1:$PROMETHEUS_PORT"

api_targets="'127.0.0.1:$PORT'"
worker_targets="'127.0.0.1:$WORKER_METRICS_PORT'"
temporal_targets="'127.0.0.1:$TEMPORAL_METRICS_PORT'"
expected=3
if ls "$DATA_DIR"/cluster/server-*.pid >/dev/null 2>&1; then
  api_targets="$api_targets, '127.0.0.1:$((PORT + 1))'"
  worker_targets="$worker_targets, '127.0.0.1:9466'"
  temporal_targets=""
  expected=4
  for f in "$DATA_DIR"/cluster/server-*.pid; do
    n="${f##*/server-}"; n="${n%.pid}"
    temporal_targets="${temporal_targets:+$temporal_targets, }'127.0.0.$((n + ${CLUSTER_IP_OFFSET:-1})):$((9480 + n))'"
    expected=$((expected + 1))
  done
fi
export expected

start() {
  ensure_system_packages prometheus
  mkdir -p "$dir/data"
  cp ops/prometheus/rules.yml "$dir/rules.yml"
  cat >"$dir/prometheus.yml" <<YML
global:
  scrape_interval: 15s
  evaluation_interval: 15s
rule_files: [rules.yml]
scrape_configs:
  - job_name: sej-api
    static_configs: [{ targets: [$api_targets] }]
  - job_name: sej-worker
    static_configs: [{ targets: [$worker_targets] }]
  - job_name: temporal
    static_configs: [{ targets: [$temporal_targets] }]
YML
  promtool check config "$dir/prometheus.yml" >/dev/null
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "Recargando Prometheus (pid $(cat "$pidfile"))"
    kill -HUP "$(cat "$pidfile")"
  else
    log "Iniciando Prometheus en $url"
    nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
      --storage.tsdb.retention.time=15d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
      >"$DATA_DIR/prometheus.log" 2>&1 &
    echo $! >"$pidfile"
  fi
  for _ in $(seq 1 60); do curl -fsS "$url/-/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "Prometheus no arrancó; véase $DATA_DIR/prometheus.log" >&2
  tail -20 "$DATA_DIR/prometheus.log" >&2
  return 1
}

# Waits (up to 60 s: the first scrapes) until every target reports "up"; prints each target.
check_targets() {
  local out
  for _ in $(seq 1 60); do
    out="$(curl -fsS "$url/api/v1/targets?state=active" | node -e '
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const targets = JSON.parse(s).data.activeTargets;
        for (const t of targets) console.log(`${t.health.toUpperCase().padEnd(8)} ${t.labels.job.padEnd(12)} ${t.scrapeUrl}${t.lastError ? "  (" + t.lastError + ")" : ""}`);
        process.exitCode = targets.length === Number(process.env.expected) && targets.every((t) => t.health === "up") ? 0 : 3;
      });')" && { echo "$out"; log "Todos los destinos de Prometheus están UP"; return 0; }
    sleep 1
  done
  echo "$out"
  echo "Algún destino de Prometheus no está UP (véase arriba)." >&2
  return 1
}

case "${1:-start}" in
  start) start; check_targets ;;
  check) check_targets ;;
  *) echo "uso: scripts/prometheus.sh [start|check]" >&2; exit 2 ;;
esac
