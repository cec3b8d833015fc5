#!/usr/bin/env bash
# A throwaway PostgreSQL server for the approval-ledger tests: a fresh cluster in a temporary folder, on a free port of
# 127.0.0.1, trust authentication on loopback only, removed when stopped. Its connection string goes to
# AGENTSAFETY_TEST_POSTGRES, which the tests read (they fail, never skip, without it).
#
#   bash .ci/postgres.sh dotnet test tests/AgentSafety.Guards.Tests -c Release   # start, run the command, stop
#   source .ci/postgres.sh; agentsafety_pg_start; …; agentsafety_pg_stop          # what .ci/run does
#
# As root (CI), the server runs as the 'postgres' user (PostgreSQL refuses to run as root); the binaries and the user
# are installed with apt-get when missing. As any other user, it runs as that user.

agentsafety_pg_bin() {
  local dir
  for dir in ${AGENTSAFETY_PG_BIN:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
    return 0
  fi
  return 1
}

agentsafety_pg_install() {
  if agentsafety_pg_bin >/dev/null && { [ "$(id -u)" -ne 0 ] || id postgres >/dev/null 2>&1; }; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "postgres: initdb/pg_ctl/postgres not found; install PostgreSQL (apt-get install postgresql) or set AGENTSAFETY_PG_BIN" >&2
    return 1
  fi
  echo "postgres: installing PostgreSQL with apt-get" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  agentsafety_pg_bin >/dev/null && id postgres >/dev/null 2>&1
}

# Runs a command as the server's user: 'postgres' when we are root, ourselves otherwise.
agentsafety_pg_as() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

agentsafety_pg_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

agentsafety_pg_start() {
  agentsafety_pg_install || return 1
  local bin port
  bin=$(agentsafety_pg_bin) || return 1
  AGENTSAFETY_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/agentsafety-pg.XXXXXX") || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$AGENTSAFETY_PG_DIR"
  fi
  if ! agentsafety_pg_as "$bin/initdb" -D "$AGENTSAFETY_PG_DIR/data" -U postgres -A trust --no-sync -E UTF8 >"$AGENTSAFETY_PG_DIR/initdb.log" 2>&1; then
    echo "postgres: initdb failed:" >&2
    cat "$AGENTSAFETY_PG_DIR/initdb.log" >&2
    return 1
  fi
  port=$(agentsafety_pg_free_port) || { echo "postgres: no free port" >&2; return 1; }
  if ! agentsafety_pg_as "$bin/pg_ctl" -D "$AGENTSAFETY_PG_DIR/data" -l "$AGENTSAFETY_PG_DIR/server.log" -w -t 60 \
      -o "-p $port -k $AGENTSAFETY_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
    echo "postgres: the server did not start:" >&2
    cat "$AGENTSAFETY_PG_DIR/server.log" >&2
    return 1
  fi
  AGENTSAFETY_PG_BIN_DIR=$bin
  export AGENTSAFETY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  export AGENTSAFETY_PG_DIR AGENTSAFETY_PG_BIN_DIR
  echo "postgres: $("$bin/postgres" --version) on 127.0.0.1:$port (AGENTSAFETY_TEST_POSTGRES)" >&2
}

agentsafety_pg_stop() {
  if [ -n "${AGENTSAFETY_PG_DIR:-}" ] && [ -d "$AGENTSAFETY_PG_DIR" ]; then
    agentsafety_pg_as "$AGENTSAFETY_PG_BIN_DIR/pg_ctl" -D "$AGENTSAFETY_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$AGENTSAFETY_PG_DIR"
  fi
  unset AGENTSAFETY_PG_DIR AGENTSAFETY_TEST_POSTGRES
}

# Executed rather than sourced: start, run the arguments as a command, stop.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -u
  agentsafety_pg_start || exit 1
  trap agentsafety_pg_stop EXIT
  if [ "$#" -eq 0 ]; then
    echo "postgres: running; press Ctrl-C to stop (AGENTSAFETY_TEST_POSTGRES=$AGENTSAFETY_TEST_POSTGRES)" >&2
    while true; do sleep 3600; done
  fi
  "$@"
fi
