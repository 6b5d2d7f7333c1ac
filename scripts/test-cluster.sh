#!/usr/bin/env bash
# The production-profile test (test/cluster/): two Temporal servers on a private PostgreSQL, one
# killed mid-procedure. Its own command because the first run builds the full Temporal server with
# Go (≈ 10–25 min on 2 cores; cached after). Ends with "N passed, N failed" like npm test.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_system_packages
ensure_node_modules
use_project_node
ensure_postgres
temporal_server_dir >/dev/null
export TEMPORAL_CLI_PATH="$(temporal_cli)"
mkdir -p "$DATA_DIR"
results="$DATA_DIR/jest-cluster-results.json"
rm -f "$results"
status=0
npx jest --testMatch '**/test/cluster/**/*.cluster-spec.ts' --json --outputFile="$results" "$@" || status=1
if [ -f "$results" ]; then
  node -e 'const r = require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`)' "$results"
else
  echo "0 passed, 1 failed"; status=1
fi
exit $status
