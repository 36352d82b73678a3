#!/usr/bin/env bash
# Makes the schema-version-3 databases the upgrade tests start from, with the release of
# 2 December 2026 (commit e81ad08, the last release whose schema EnsureCreated made). Both hold
# the demo council as that release seeded it on 24 November 2025: people, two years of returns,
# ratings, actions, risks, self assessments and their audit lines.
#   pmfbot-v3.db         SQLite, as scripts/run.sh left it
#   pmfbot-v3.postgres.sql  pg_dump --inserts of a PostgreSQL database (PmfBot's tables and Hangfire's)
# Needs the .NET SDK and PostgreSQL (scripts/test.sh installs it). Run from anywhere:
#   tests/Fixtures/SchemaV3/make-fixtures.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
release=e81ad08
. "$repo/scripts/lib/postgres.sh"

work="$(mktemp -d /tmp/pmf-v3.XXXXXX)"
cleanup() {
  [ -n "${bot_pid:-}" ] && kill "$bot_pid" 2>/dev/null || true
  stop_throwaway_cluster
  git -C "$repo" worktree remove --force "$work/release" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

git -C "$repo" worktree add --detach "$work/release" "$release" >/dev/null
dotnet build "$work/release/src/Bot/PmfBot.Bot.csproj" -c Release --nologo -v q >/dev/null
bot="$work/release/src/Bot/bin/Release/net10.0/PmfBot.Bot.dll"

# Starts the release's bot on a store, waits until it answers /healthz (storage ready, demo
# seeded: both happen before it serves), then stops it.
run_release_once() {
  local port; port="$(free_port)"
  (cd "$work" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Today=2025-11-24 Demo__Seed=true "$@" \
     dotnet "$bot" >"$work/bot.log" 2>&1) &
  bot_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$bot_pid" 2>/dev/null || { cat "$work/bot.log"; exit 1; }
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
  # SIGTERM: a job started with & in a script ignores SIGINT.
  kill -TERM "$bot_pid"; wait "$bot_pid" || true; bot_pid=
}

# SQLite: the embedded default, exactly as scripts/run.sh ran it.
rm -f "$here/pmfbot-v3.db"
run_release_once Storage__SqlitePath="$work/pmfbot-v3.db"
# One file, no write-ahead log beside it.
python3 - "$work/pmfbot-v3.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.execute("PRAGMA journal_mode=DELETE"); c.close()
PY
cp "$work/pmfbot-v3.db" "$here/pmfbot-v3.db"

# PostgreSQL: that release could not start on an empty database (Hangfire made its schema
# first), so, as its tests did, the schema is made by its import verb first (given a file with
# a header and no rows, it prepares the schema and writes nothing), then the bot seeds the demo.
ensure_postgres_installed
start_throwaway_cluster
conn="Host=127.0.0.1;Port=$PMF_PG_PORT;Username=pmf;Password=pmf-test;Database=pmf_v3"
as_pg_owner "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$PMF_PG_PORT" -U postgres -qtA -c "CREATE DATABASE pmf_v3 OWNER pmf" >/dev/null
head -1 "$repo/samples/single-data-list.csv" > "$work/header-only.csv"
(cd "$work" && ConnectionStrings__Pmf="$conn" dotnet "$bot" import "$work/header-only.csv" >/dev/null 2>&1) || true
run_release_once ConnectionStrings__Pmf="$conn"
"$(pg_bin_dir)/pg_dump" -h 127.0.0.1 -p "$PMF_PG_PORT" -U pmf --inserts --no-owner --no-privileges pmf_v3 \
  | grep -v '^\\' > "$here/pmfbot-v3.postgres.sql"

echo "Wrote $here/pmfbot-v3.db and $here/pmfbot-v3.postgres.sql from $release."
