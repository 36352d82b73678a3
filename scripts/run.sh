#!/usr/bin/env bash
# Runs PmfBot on the embedded default: SQLite in the working directory (pmfbot.db), the demo
# council seeded on first start, listening on http://127.0.0.1:3978 (the local Teams test client's
# default endpoint is http://127.0.0.1:3978/api/messages). Extra arguments go to the host.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:3978}"
# dotnet run starts in src/Bot; keep the embedded database at the repository root instead.
export Storage__SqlitePath="${Storage__SqlitePath:-$PWD/pmfbot.db}"
exec dotnet run --project src/Bot -c Release --no-launch-profile -- "$@"
