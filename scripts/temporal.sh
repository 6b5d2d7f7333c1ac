#!/usr/bin/env bash
# The real Temporal server (the Temporal CLI's dev server), found or built by scripts/lib.sh.
#   scripts/temporal.sh path                        print the CLI's path (building it if needed)
#   scripts/temporal.sh start [--ephemeral] [--port P] [--ui-port U]
#                                                   start in the background and wait until it answers;
#                                                   persistent in .data/temporal.db unless --ephemeral
#   scripts/temporal.sh stop [--port P]             stop the server started on that port
#   scripts/temporal.sh status [--port P]
. "$(dirname "$0")/lib.sh"

cmd="${1:-status}"; shift || true
port=7233; ui_port=8233; ephemeral=0
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --ui-port) ui_port=$2; shift 2 ;;
    --ephemeral) ephemeral=1; shift ;;
    *) echo "Opción desconocida: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$DATA_DIR"
pidfile="$DATA_DIR/temporal-$port.pid"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "$cmd" in
  path) temporal_cli ;;
  start)
    if running; then log "Temporal ya está corriendo en 127.0.0.1:$port (pid $(cat "$pidfile"))"; exit 0; fi
    if wait_for_port 127.0.0.1 "$port" 0; then log "Ya hay un servidor en 127.0.0.1:$port: se usa ese"; exit 0; fi
    bin="$(temporal_cli)"
    args=(server start-dev --ip 127.0.0.1 --port "$port" --log-level warn
          --sqlite-pragma journal_mode=WAL --sqlite-pragma synchronous=NORMAL)
    if [ "$ephemeral" -eq 1 ]; then
      args+=(--headless)
    else
      args+=(--db-filename "$DATA_DIR/temporal.db" --ui-ip 127.0.0.1 --ui-port "$ui_port"
             --metrics-port "${TEMPORAL_METRICS_PORT:-9467}")
      # The UI asks the API to decrypt payloads (src/temporal/codec.controller.ts).
      if [ -n "${TEMPORAL_UI_CODEC_ENDPOINT:-}" ]; then args+=(--ui-codec-endpoint "$TEMPORAL_UI_CODEC_ENDPOINT"); fi
    fi
    log "Iniciando Temporal dev server en 127.0.0.1:$port"
    nohup "$bin" "${args[@]}" >"$DATA_DIR/temporal-$port.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 240); do
      running || break
      wait_for_port 127.0.0.1 "$port" 0 && break
      sleep 0.25
    done
    if ! running || ! wait_for_port 127.0.0.1 "$port" 0; then
      echo "Temporal no arrancó; véase $DATA_DIR/temporal-$port.log" >&2
      tail -20 "$DATA_DIR/temporal-$port.log" >&2
      rm -f "$pidfile"
      exit 1
    fi
    # The namespace is ready a moment after the port opens.
    for _ in $(seq 1 60); do
      "$bin" operator namespace describe --address "127.0.0.1:$port" -n default >/dev/null 2>&1 && break
      sleep 0.5
    done
    log "Temporal listo en 127.0.0.1:$port$([ "$ephemeral" -eq 0 ] && echo " (interfaz web: http://localhost:$ui_port)")"
    ;;
  stop)
    if running; then
      kill "$(cat "$pidfile")" 2>/dev/null || true
      for _ in $(seq 1 40); do running || break; sleep 0.25; done
      running && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
      log "Temporal detenido (puerto $port)"
    fi
    rm -f "$pidfile"
    ;;
  status)
    if running; then echo "Temporal corriendo en 127.0.0.1:$port (pid $(cat "$pidfile"))"; else echo "Temporal detenido"; exit 1; fi
    ;;
  *) echo "Uso: $0 path|start|stop|status" >&2; exit 2 ;;
esac
