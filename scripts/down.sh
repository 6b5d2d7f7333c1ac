#!/usr/bin/env bash
# Stops what `npm run up` started: API, worker and the Temporal dev server (its data is kept).
. "$(dirname "$0")/lib.sh"
for name in api worker; do
  pidfile="$DATA_DIR/$name.pid"
  if [ -f "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null && log "Detenido: $name" || true
    rm -f "$pidfile"
  fi
done
bash "$ROOT/scripts/temporal.sh" stop
