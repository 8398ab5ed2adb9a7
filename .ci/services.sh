#!/usr/bin/env bash
# Installs and starts PostgreSQL 15 (with PostGIS) and Redis from Debian's
# packages, for the integration pass. Idempotent: safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
command -v /usr/lib/postgresql/15/bin/postgres >/dev/null 2>&1 || need+=(postgresql-15 postgresql-contrib)
[ -d /usr/share/postgresql/15/extension ] && ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1 || need+=(postgresql-15-postgis-3)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PGDATA=/tmp/immo-ci-pg
PGBIN=/usr/lib/postgresql/15/bin
if ! su postgres -c "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"
  su postgres -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres >/dev/null"
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/log -o '-c listen_addresses=127.0.0.1 -c port=5432 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c unix_socket_directories=/tmp' -w start >/dev/null"
fi
psql -h 127.0.0.1 -U postgres -tc "select 1 from pg_roles where rolname='immo'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "create role immo login superuser password 'immo'" >/dev/null
psql -h 127.0.0.1 -U postgres -tc "select 1 from pg_database where datname='immo'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "create database immo owner immo" >/dev/null

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --port 6379 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
echo "PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version') and Redis $(redis-cli -h 127.0.0.1 info server | grep redis_version | cut -d: -f2 | tr -d '\r') are up"
