#!/usr/bin/env bash
# The benchmarks of docs/performance.md: builds Release, starts a throwaway PostgreSQL (or uses
# PMF_TEST_POSTGRES when it is set), runs the benchmarks and writes what they print to
# artifacts/bench.txt. Printed figures, not tests: the exit code is 1 when a goal was missed.
#
#   scripts/bench.sh                 all five benchmarks (about 10 minutes)
#   scripts/bench.sh --quick         smaller councils and shorter runs (about 3 minutes)
#   scripts/bench.sh status          one benchmark: inbound, fanout, summaries, status, memory
#   scripts/bench.sh fanout --rate 50 --owners 10000
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

benchmark=all
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  benchmark=$1
  shift
fi

dotnet build PmfBot.sln -c Release --nologo -v q

if [ -z "${PMF_TEST_POSTGRES:-}" ]; then
  ensure_postgres_installed
  start_throwaway_cluster
  trap stop_throwaway_cluster EXIT
fi

mkdir -p artifacts
set +e
dotnet bench/PmfBot.Bench/bin/Release/net10.0/PmfBot.Bench.dll "$benchmark" "$@" 2>&1 | tee artifacts/bench.txt
status=${PIPESTATUS[0]}
set -e
echo "Figures written to artifacts/bench.txt (the bot's own log: artifacts/bench-bot.log)."
exit "$status"
