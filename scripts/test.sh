#!/usr/bin/env bash
# The whole test suite, with its own set-up: npm packages, Debian packages (Chromium, fonts,
# poppler-utils, zbar-tools), PostgreSQL, and a throw-away in-memory Temporal dev server on its own
# port (the development server on 7233 is left alone). Extra arguments go to jest.
# Ends with one line: "N passed, N failed".
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_system_packages
ensure_system_packages prometheus   # promtool checks ops/prometheus/rules.yml
ensure_node_modules
use_project_node
ensure_postgres

export TEST_TEMPORAL_PORT="${TEST_TEMPORAL_PORT:-7244}"
started_temporal=0
if [ -z "${TEST_TEMPORAL_ADDRESS:-}" ]; then
  # Reuse a test server that is already up on the port (then leave it running); else start one.
  if ! wait_for_port 127.0.0.1 "$TEST_TEMPORAL_PORT" 0; then
    bash scripts/temporal.sh start --ephemeral --port "$TEST_TEMPORAL_PORT"
    started_temporal=1
  fi
  export TEST_TEMPORAL_ADDRESS="127.0.0.1:$TEST_TEMPORAL_PORT"
fi
export TEMPORAL_CLI_PATH="$(temporal_cli)"
cleanup() { [ "$started_temporal" -eq 1 ] && bash scripts/temporal.sh stop --port "$TEST_TEMPORAL_PORT" || true; }
trap cleanup EXIT

status=0
log "Comprobaciones estáticas: tipos y lint"
npx tsc -p tsconfig.json --noEmit || status=1
# The build npm run up compiles (no jest types): a test helper it reaches must not need them.
npx tsc -p tsconfig.build.json --noEmit || status=1
npx eslint . || status=1
if [ -f scripts/diagrams.ts ]; then
  npx ts-node --transpile-only scripts/diagrams.ts --check || status=1
fi

mkdir -p "$DATA_DIR"
results="$DATA_DIR/jest-results.json"
rm -f "$results"
log "Pruebas (jest)"
npx jest --json --outputFile="$results" "$@" || status=1

if [ -f "$results" ]; then
  totals="$(node -e '
    const r = require(process.argv[1]);
    const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
    console.log(`${r.numPassedTests} passed, ${failed} failed`);
  ' "$results")"
else
  totals="0 passed, 1 failed"
  status=1
fi
# The totals line must be the very last line of the output (CI reads it).
cleanup
trap - EXIT
echo "$totals"
exit $status
