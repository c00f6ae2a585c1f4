#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for tests and benchmarks, and prints the
# DATABASE_URL to use. Usage: eval "$(bash scripts/postgres.sh start)"; bash scripts/postgres.sh stop
# Needs the Debian postgresql package (apt-get install -y postgresql). Runs as root or as postgres.
set -euo pipefail
PORT=${HARVEST_RUNN_PG_PORT:-54329}
DIR=${HARVEST_RUNN_PG_DIR:-/tmp/harvest-runn-pg}
BIN=$(pg_config --bindir 2>/dev/null || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -x "$BIN/initdb" ] || { echo "postgres.sh: initdb not found; install the postgresql package" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      install -d -m 700 "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
      as_pg "$BIN/initdb -D $DIR/data -U postgres --auth=trust -E UTF8 >$DIR/initdb.log 2>&1"
    fi
    if ! as_pg "$BIN/pg_ctl -D $DIR/data status" >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl -D $DIR/data -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -l $DIR/server.log -w start" >&2
    fi
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop) as_pg "$BIN/pg_ctl -D $DIR/data -m fast -w stop" >&2 ;;
  *) echo "usage: postgres.sh start|stop" >&2; exit 2 ;;
esac
