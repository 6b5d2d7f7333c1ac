#!/usr/bin/env bash
# Brings the whole system up with demo data: installs what is missing, builds, finds or builds the
# Temporal CLI, starts the Temporal dev server (persistent, Web UI on :8233), migrates and seeds
# PostgreSQL, then starts the worker and the API in the background. `npm run down` stops it all.
# `--cluster` (npm run up:cluster): the production shape instead — the full Temporal server on
# PostgreSQL as two processes behind one frontend address (scripts/cluster.sh), two workers and two
# APIs (PORT and PORT+1).
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
PORT="${PORT:-3000}"
export PORT DATA_DIR
cluster=0
[ "${1:-}" = "--cluster" ] && cluster=1

ensure_system_packages
ensure_node_modules
use_project_node
ensure_postgres

log "Compilando (tsc)"
npm run -s build

# Temporal stores inputs, comments and results only encrypted (docs/OPERATIONS.md): a key of its own per
# data folder unless TEMPORAL_PAYLOAD_KEYS(_FILE) points at a mounted secret.
if [ -z "${TEMPORAL_PAYLOAD_KEYS:-}" ]; then
  export TEMPORAL_PAYLOAD_KEYS_FILE="${TEMPORAL_PAYLOAD_KEYS_FILE:-$DATA_DIR/temporal-payload-keys}"
  mkdir -p "$DATA_DIR"
  node dist/src/cli/temporal-keys.js init "$TEMPORAL_PAYLOAD_KEYS_FILE"
fi
export TEMPORAL_UI_CODEC_ENDPOINT="${TEMPORAL_UI_CODEC_ENDPOINT:-http://localhost:$PORT/temporal-codec}"
if [ "$cluster" -eq 1 ]; then
  bash scripts/cluster.sh start
else
  bash scripts/temporal.sh start
fi
log "Migrando la base de datos"
node dist/src/cli/migrate.js up
log "Cargando datos de demostración"
node dist/src/cli/seed.js
if [ -f dist/src/cli/demo-users.js ]; then node dist/src/cli/demo-users.js; fi

start_process() {
  local name=$1; shift
  local pidfile="$DATA_DIR/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "Reiniciando $name"
    kill "$(cat "$pidfile")" 2>/dev/null || true
    sleep 1
  fi
  nohup "$@" >"$DATA_DIR/$name.log" 2>&1 &
  echo $! >"$pidfile"
}

if [ "$cluster" -eq 1 ]; then
  log "Iniciando 2 workers y 2 APIs"
  WORKER_METRICS_PORT=9464 TEMPORAL_SDK_METRICS_ADDRESS=127.0.0.1:9465 start_process worker node dist/src/worker.js
  WORKER_METRICS_PORT=9466 TEMPORAL_SDK_METRICS_ADDRESS=127.0.0.1:9468 start_process worker-2 node dist/src/worker.js
  start_process api node dist/src/main.js
  PORT=$((PORT + 1)) start_process api-2 node dist/src/main.js
else
  log "Iniciando worker y API"
  start_process worker node dist/src/worker.js
  start_process api node dist/src/main.js
fi

for _ in $(seq 1 60); do
  if curl -fsS "http://localhost:$PORT/health" >/dev/null 2>&1; then break; fi
  sleep 1
done
echo
curl -sS "http://localhost:$PORT/health" || { echo "La API no respondió; véase $DATA_DIR/api.log" >&2; exit 1; }
echo
cat <<TXT

Sistema arriba:
  Interfaz web ....... http://localhost:$PORT/app/   (usuarios de demostración: README, contraseña demo-sej-2026)
  API ................ http://localhost:$PORT
  Salud .............. http://localhost:$PORT/health
  Documentación API .. http://localhost:$PORT/docs
  Interfaz Temporal .. http://localhost:8233$([ "$cluster" -eq 1 ] && printf '\n  Segunda API ........ http://localhost:%s   (perfil de producción: 2 servidores de Temporal, 2 workers)' $((PORT + 1)))
Registros en $DATA_DIR/*.log. Para detener todo: npm run down
TXT
