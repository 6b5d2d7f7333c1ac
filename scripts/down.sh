#!/usr/bin/env bash
# Stops what `npm run up` started: API, worker and the Temporal dev server (its data is kept), and
# leaves no process of this data folder behind (Chromium included).
. "$(dirname "$0")/lib.sh"

stop_pid() {
  local name=$1 pid=$2
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
    log "Detenido a la fuerza: $name"
  else
    log "Detenido: $name"
  fi
}

for name in prometheus api api-2 worker worker-2; do
  pidfile="$DATA_DIR/$name.pid"
  if [ -f "$pidfile" ]; then
    stop_pid "$name" "$(cat "$pidfile")"
    rm -f "$pidfile"
  fi
done
# Every Temporal server this data folder started (`npm run up`'s on 7233, or one on another port).
for pidfile in "$DATA_DIR"/temporal-*.pid; do
  [ -f "$pidfile" ] || continue
  port="${pidfile##*/temporal-}"
  bash "$ROOT/scripts/temporal.sh" stop --port "${port%.pid}"
done

# The cluster profile's Temporal servers, proxy and UI (npm run up:cluster).
if [ -d "$DATA_DIR/cluster" ]; then bash "$ROOT/scripts/cluster.sh" stop; fi

# Chromium dies with its parent (it is driven over a pipe); this only catches a browser that a
# process of an older build, or one that died mid-launch, left behind in this data folder.
leftovers=$(pgrep -f -- "--user-data-dir=$DATA_DIR/chromium/" || true)
if [ -n "$leftovers" ]; then
  kill -9 $leftovers 2>/dev/null || true
  log "Chromium huérfano detenido: $(echo $leftovers | wc -w) procesos"
fi
rm -rf "$DATA_DIR/chromium"
