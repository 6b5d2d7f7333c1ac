#!/usr/bin/env bash
# Brings the whole system up with demo data: installs what is missing, builds, finds or builds the
# Temporal CLI, starts the Temporal dev server (persistent, Web UI on :8233), migrates and seeds
# PostgreSQL, then starts the worker and the API in the background. `npm run down` stops it all.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
PORT="${PORT:-3000}"
export PORT DATA_DIR

ensure_system_packages
ensure_node_modules
use_project_node
ensure_postgres

log "Compilando (tsc)"
npm run -s build

bash scripts/temporal.sh start
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

log "Iniciando worker y API"
start_process worker node dist/src/worker.js
start_process api node dist/src/main.js

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
  Interfaz Temporal .. http://localhost:8233
Registros en $DATA_DIR/*.log. Para detener todo: npm run down
TXT
