#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (PostgreSQL and Chromium
# from Debian packages, the npm judges and the Agents Playground), starts a throwaway PostgreSQL on 127.0.0.1, runs every
# test against it, and stops it again.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh
. scripts/lib/debian.sh

# PostgreSQL for the integration tests and the journeys; Chromium to photograph the journeys.
missing=()
[ -n "$(pg_bin_dir)" ] && [ -x "$(pg_bin_dir)/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
install_debian_packages "${missing[@]}"
ensure_postgres_installed
start_throwaway_cluster
trap stop_throwaway_cluster EXIT

if [ -f tests/js/package.json ]; then
  echo "Installing the npm judges (tests/js)..."
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p artifacts
set +e
dotnet test PmfBot.sln -c Release --nologo "$@" 2>&1 | tee artifacts/test-output.txt
status=${PIPESTATUS[0]}
if [ -f tests/js/package.json ]; then
  # Microsoft's renderer and templating judge every card template (node's test runner).
  (cd tests/js && node --test) 2>&1 | tee artifacts/js-test-output.txt | grep -E "^# (tests|pass|fail)|^not ok" || true
  js_status=${PIPESTATUS[0]}
  [ "$js_status" -eq 0 ] || status=$js_status
fi
set -e

# One plain closing line for CI, summed over the test projects and the npm judges.
js_pass=$(awk '/^# pass / { n += $3 } END { print n + 0 }' artifacts/js-test-output.txt 2>/dev/null || echo 0)
js_fail=$(awk '/^# fail / { n += $3 } END { print n + 0 }' artifacts/js-test-output.txt 2>/dev/null || echo 0)
awk -v p="$js_pass" -v f="$js_fail" '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' artifacts/test-output.txt
exit "$status"
