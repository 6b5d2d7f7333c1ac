#!/usr/bin/env bash
# The production-shaped Temporal of `npm run up:cluster`: the full Temporal server (built with Go on
# first use) on PostgreSQL, as CLUSTER_SERVERS processes (default 2) on their own loopback
# addresses 127.0.0.2, 127.0.0.3, … (CLUSTER_IP_OFFSET + n) sharing one store, a TCP proxy in front of their frontends on
# CLUSTER_FRONTEND (default 127.0.0.1:7233, where API and workers connect), and the Temporal UI.
#   scripts/cluster.sh start | stop | kill-server N | start-server N | status
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

SERVERS="${CLUSTER_SERVERS:-2}"
FRONTEND="${CLUSTER_FRONTEND:-127.0.0.1:7233}"
UI_PORT="${CLUSTER_UI_PORT:-8233}"
SHARDS="${CLUSTER_HISTORY_SHARDS:-4}"
PG_ADDR="${CLUSTER_PG_ADDR:-127.0.0.1:5432}"
PG_USER="${CLUSTER_PG_USER:-postgres}"
PG_PASSWORD="${CLUSTER_PG_PASSWORD:-}"
PG_MAX_CONNS="${CLUSTER_PG_MAX_CONNS:-20}"
DB="${CLUSTER_DB:-temporal}"
VIS_DB="${CLUSTER_VISIBILITY_DB:-temporal_visibility}"
DIR="$DATA_DIR/cluster"
CODEC_ENDPOINT="${TEMPORAL_UI_CODEC_ENDPOINT:-http://localhost:${PORT:-3000}/temporal-codec}"

IP_OFFSET="${CLUSTER_IP_OFFSET:-1}"
WITH_UI="${CLUSTER_UI:-1}"
server_ip() { echo "127.0.0.$(( $1 + IP_OFFSET ))"; }
pid_of() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null && cat "$DIR/$1.pid"; }

spawn() {
  local name=$1; shift
  if pid_of "$name" >/dev/null; then return 0; fi
  nohup "$@" >"$DIR/$name.log" 2>&1 &
  echo $! >"$DIR/$name.pid"
}

stop_one() {
  local name=$1 signal=${2:-TERM} pid
  pid="$(pid_of "$name")" || { rm -f "$DIR/$name.pid"; return 0; }
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$DIR/$name.pid"
  log "Detenido: $name"
}

# Creates the two databases once and brings their schemas to the server's version (idempotent:
# update-schema applies only the versions a database lacks, which is also how an upgrade migrates).
schemas() {
  local bin=$1 db dir
  for db in "$DB" "$VIS_DB"; do
    dir="$bin/schema/temporal/versioned"
    [ "$db" = "$VIS_DB" ] && dir="$bin/schema/visibility/versioned"
    local sql=("$bin/temporal-sql-tool" --plugin postgres12 --ep "${PG_ADDR%:*}" -p "${PG_ADDR##*:}" -u "$PG_USER" --pw "$PG_PASSWORD" --db "$db")
    if ! psql -h "${PG_ADDR%:*}" -p "${PG_ADDR##*:}" -U "$PG_USER" -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
      "${sql[@]}" create-database >>"$DIR/schema.log" 2>&1 || { echo "No se pudo crear la base $db; véase $DIR/schema.log" >&2; exit 1; }
    fi
    if ! psql -h "${PG_ADDR%:*}" -p "${PG_ADDR##*:}" -U "$PG_USER" -d "$db" -tAc "select to_regclass('public.schema_version') is not null" | grep -q t; then
      "${sql[@]}" setup-schema -v 0.0 >>"$DIR/schema.log" 2>&1 || { echo "No se pudo preparar el esquema de $db; véase $DIR/schema.log" >&2; exit 1; }
    fi
    "${sql[@]}" update-schema -d "$dir" >>"$DIR/schema.log" 2>&1 || { echo "No se pudo actualizar el esquema de $db; véase $DIR/schema.log" >&2; exit 1; }
  done
  log "Esquemas de Temporal al día en $DB y $VIS_DB"
}

render_server() {
  local n=$1 ip
  ip="$(server_ip "$n")"
  sed -e "s#@IP@#$ip#g" -e "s#@SHARDS@#$SHARDS#g" -e "s#@DB@#$DB#g" -e "s#@VIS_DB@#$VIS_DB#g" \
      -e "s#@PG_ADDR@#$PG_ADDR#g" -e "s#@PG_USER@#$PG_USER#g" -e "s#@PG_PASSWORD@#$PG_PASSWORD#g" -e "s#@PG_MAX_CONNS@#$PG_MAX_CONNS#g" \
      -e "s#@METRICS_PORT@#$((9480 + n))#g" -e "s#@FRONTEND@#$FRONTEND#g" -e "s#@DYNCONFIG@#$ROOT/ops/temporal/dynamicconfig.yaml#g" \
      ops/temporal/server.yaml.tmpl >"$DIR/config/server-$n.yaml"
}

start_server() {
  local n=$1 bin
  bin="$(temporal_server_dir)"
  mkdir -p "$DIR/config"
  render_server "$n"
  spawn "server-$n" "$bin/temporal-server" --root "$DIR" --config config --env "server-$n" --allow-no-auth start
  wait_for_port "$(server_ip "$n")" 7233 120 || { echo "El servidor de Temporal $n no abrió su frontend; véase $DIR/server-$n.log" >&2; exit 1; }
  log "Servidor de Temporal $n en $(server_ip "$n"):7233 (pid $(pid_of "server-$n"))"
}

frontend_ready() {
  local cli
  cli="$(temporal_cli)"
  for _ in $(seq 1 120); do
    "$cli" operator cluster health --address "$FRONTEND" >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}

case "${1:-}" in
  start)
    bin="$(temporal_server_dir)"
    mkdir -p "$DIR/config" "$DIR/ui"
    schemas "$bin"
    backends=()
    for n in $(seq 1 "$SERVERS"); do start_server "$n"; backends+=("$(server_ip "$n"):7233"); done
    spawn frontend-proxy node_modules/.bin/ts-node --transpile-only scripts/temporal-frontend-proxy.ts "$FRONTEND" "${backends[@]}"
    frontend_ready || { echo "Temporal no responde en $FRONTEND; véase $DIR/*.log" >&2; exit 1; }
    cli="$(temporal_cli)"
    if ! "$cli" operator namespace describe --namespace default --address "$FRONTEND" >/dev/null 2>&1; then
      "$cli" operator namespace create --namespace default --retention 720h --address "$FRONTEND" >/dev/null
      log "Namespace default creado"
    fi
    if [ "$WITH_UI" = "1" ]; then
      sed -e "s#@FRONTEND@#$FRONTEND#g" -e "s#@UI_PORT@#$UI_PORT#g" -e "s#@CODEC_ENDPOINT@#$CODEC_ENDPOINT#g" ops/temporal/ui.yaml.tmpl >"$DIR/ui/cluster.yaml"
      spawn ui "$bin/temporal-ui-server" --root "$DIR" --config ui --env cluster start
    fi
    log "Temporal (perfil de producción): $SERVERS servidores, frontend en $FRONTEND, interfaz en http://localhost:$UI_PORT"
    ;;
  stop)
    stop_one ui
    stop_one frontend-proxy
    for f in "$DIR"/server-*.pid; do [ -f "$f" ] || continue; n="${f##*/server-}"; stop_one "server-${n%.pid}"; done
    ;;
  kill-server) stop_one "server-$2" KILL ;;
  start-server) start_server "$2" ;;
  status)
    for f in "$DIR"/*.pid; do [ -f "$f" ] || continue; name="$(basename "$f" .pid)"; if pid_of "$name" >/dev/null; then echo "$name: pid $(pid_of "$name")"; else echo "$name: detenido"; fi; done
    ;;
  *) echo "Uso: scripts/cluster.sh start | stop | kill-server N | start-server N | status" >&2; exit 2 ;;
esac
