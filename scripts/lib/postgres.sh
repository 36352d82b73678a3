# Helpers to install PostgreSQL from Debian packages and run a throwaway cluster on loopback.
# Sourced by scripts/test.sh and the benchmarks; every function is safe to call twice.

pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

ensure_postgres_installed() {
  if [ -n "$(pg_bin_dir)" ] && [ -x "$(pg_bin_dir)/initdb" ]; then
    return 0
  fi
  echo "PostgreSQL is not installed: installing it from Debian packages..."
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # dpkg sometimes fails to read an archive on a fresh machine: one retry.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql \
    || $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# Runs a command as the cluster's owner: postgres refuses to run as root.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Starts a cluster in a temporary directory and exports PMF_TEST_POSTGRES (an admin
# connection string for a role that may create databases).
start_throwaway_cluster() {
  local bin; bin="$(pg_bin_dir)"
  PMF_PG_DIR="$(mktemp -d /tmp/pmf-pg.XXXXXX)"
  PMF_PG_PORT="$(free_port)"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PMF_PG_DIR"
  as_pg_owner "$bin/initdb" -D "$PMF_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg_owner "$bin/pg_ctl" -D "$PMF_PG_DIR/data" -l "$PMF_PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PMF_PG_PORT -k $PMF_PG_DIR -c max_connections=300 -c fsync=off" start >/dev/null
  as_pg_owner "$bin/psql" -h 127.0.0.1 -p "$PMF_PG_PORT" -U postgres -d postgres -qtA \
    -c "CREATE ROLE pmf LOGIN CREATEDB PASSWORD 'pmf-test';" -c "GRANT pg_signal_backend TO pmf;" >/dev/null
  export PMF_PG_DIR PMF_PG_PORT
  # pg_signal_backend: DROP DATABASE ... WITH (FORCE) may have to end an autovacuum worker.
  export PMF_TEST_POSTGRES="Host=127.0.0.1;Port=$PMF_PG_PORT;Username=pmf;Password=pmf-test;Database=postgres"
  echo "PostgreSQL $(basename "$(dirname "$bin")") running on 127.0.0.1:$PMF_PG_PORT ($PMF_PG_DIR)"
}

stop_throwaway_cluster() {
  [ -n "${PMF_PG_DIR:-}" ] || return 0
  as_pg_owner "$(pg_bin_dir)/pg_ctl" -D "$PMF_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PMF_PG_DIR"
  unset PMF_PG_DIR
}
