#!/usr/bin/env bash
# Provision a throwaway local PostgreSQL 15 + pgvector cluster for Liaison's tests.
#
# Usage (as root, Debian 12 "bookworm"):
#   export TEST_DATABASE_URL=$(bash scripts/provision-postgres.sh)   # install + start (idempotent)
#   bash scripts/provision-postgres.sh stop                          # stop + delete the data dir
#
# Environment:
#   PGPORT       TCP port on 127.0.0.1 (default 54329)
#   PGDATA_DIR   data directory        (default /tmp/liaison-pg)
#
# Everything except the final connection URL goes to stderr, so the LAST line of
# stdout is always exactly: postgres://liaison:liaison@127.0.0.1:<port>/liaison_test
#
# Steps (each skipped when already done, so a re-run takes about a second):
#   1. apt-get install postgresql-15, postgresql-server-dev-15, build-essential, dpkg-dev
#   2. bookworm ships no pgvector: build it from Debian trixie's *source* package.
#      A temporary deb-src entry for trixie (same mirror as the machine's own
#      bookworm entry) is added, and ALWAYS removed again by an EXIT trap,
#      followed by apt-get update, so no trixie source is left behind.
#   3. initdb (as the postgres user) + start a cluster on 127.0.0.1:$PGPORT
#      (shared_buffers 1 GB on huge pages, reserved when the kernel allows it),
#      create role liaison/liaison (superuser: this is a throwaway test cluster)
#      and database liaison_test owned by it, with the vector extension created.
set -euo pipefail

PG_MAJOR=15
PGBIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_CONFIG="${PGBIN}/pg_config"
PORT="${PGPORT:-54329}"
DATA_DIR="${PGDATA_DIR:-/tmp/liaison-pg}"
SHARED_BUFFERS_MB=1024
DB_NAME="liaison_test"
DB_USER="liaison"
DB_PASS="liaison"
URL="postgres://${DB_USER}:${DB_PASS}@127.0.0.1:${PORT}/${DB_NAME}"
TMP_SOURCES="/etc/apt/sources.list.d/zz-liaison-trixie-src.sources"
VECTOR_CONTROL="/usr/share/postgresql/${PG_MAJOR}/extension/vector.control"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[provision-postgres] %s\n' "$*" >&2; }
die() { printf '[provision-postgres] ERROR: %s\n' "$*" >&2; exit 1; }

# Run a command as the postgres system user, from a directory it can read.
as_pg() { (cd / && runuser -u postgres -- "$@"); }

# ---------------------------------------------------------------------------
# sanity checks
# ---------------------------------------------------------------------------
[[ "$(id -u)" -eq 0 ]] || die "must run as root (it installs packages and runs initdb as the postgres user)"
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || (( PORT < 1 || PORT > 65535 )); then
  die "PGPORT must be a TCP port number, got '${PORT}'"
fi
[[ "$DATA_DIR" == /* ]] || die "PGDATA_DIR must be an absolute path, got '${DATA_DIR}'"
[[ "$DATA_DIR" != *[[:space:]\'\"]* ]] || die "PGDATA_DIR must not contain spaces or quotes, got '${DATA_DIR}'"
case "${DATA_DIR%/}" in
  "" | /tmp | /var | /usr | /etc | /root | /home) die "refusing to use '${DATA_DIR}' as PGDATA_DIR" ;;
esac
DATA_DIR="${DATA_DIR%/}"

# ---------------------------------------------------------------------------
# stop
# ---------------------------------------------------------------------------
stop_cluster() {
  if [[ -f "${DATA_DIR}/PG_VERSION" ]]; then
    if [[ -x "${PGBIN}/pg_ctl" ]] && as_pg "${PGBIN}/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
      log "stopping cluster in ${DATA_DIR}"
      as_pg "${PGBIN}/pg_ctl" -D "$DATA_DIR" -m fast -w stop >&2 || die "pg_ctl stop failed (see ${DATA_DIR}/server.log)"
    else
      log "no server running for ${DATA_DIR}"
    fi
    rm -rf -- "$DATA_DIR"
    log "removed ${DATA_DIR}"
  elif [[ -d "$DATA_DIR" ]]; then
    if [[ -z "$(ls -A -- "$DATA_DIR")" ]]; then
      rmdir -- "$DATA_DIR"
      log "removed empty ${DATA_DIR}"
    else
      die "${DATA_DIR} exists but is not a PostgreSQL data dir; not deleting it"
    fi
  else
    log "nothing to stop: ${DATA_DIR} does not exist"
  fi
}

case "${1:-start}" in
  stop) stop_cluster; exit 0 ;;
  start | "") ;;
  -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown argument '$1' (use no argument to start, or 'stop')" ;;
esac

# ---------------------------------------------------------------------------
# 1. packages
# ---------------------------------------------------------------------------
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

APT_UPDATED=0
apt_update() {
  log "apt-get update"
  apt-get update >&2 || die "apt-get update failed"
  APT_UPDATED=1
}

# A previous run killed with SIGKILL could have left the temporary source behind.
if [[ -e "$TMP_SOURCES" ]]; then
  log "removing leftover ${TMP_SOURCES} from an interrupted run"
  rm -f -- "$TMP_SOURCES"
  apt_update
fi

missing=()
for pkg in "postgresql-${PG_MAJOR}" "postgresql-server-dev-${PG_MAJOR}" build-essential dpkg-dev; do
  is_installed "$pkg" || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  (( APT_UPDATED )) || apt_update
  log "installing: ${missing[*]}"
  apt-get install -y --no-install-recommends "${missing[@]}" >&2 || die "apt-get install ${missing[*]} failed"
else
  log "packages already installed"
fi
[[ -x "$PG_CONFIG" ]] || die "${PG_CONFIG} not found after install"

# ---------------------------------------------------------------------------
# 2. pgvector from trixie's source package
# ---------------------------------------------------------------------------

# Print "<mirror-uri> <signed-by-or-empty>" of the first enabled binary ("deb")
# entry for this release's main suite, from one-line and deb822 sources.
detect_mirror() {
  local codename files=()
  # shellcheck disable=SC1091
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  local f
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" && "$f" != "$TMP_SOURCES" ]] && files+=("$f")
  done
  (( ${#files[@]} )) || return 1
  local exact="" loose="" line
  for f in "${files[@]}"; do
    if [[ "$f" == *.sources ]]; then
      # deb822: stanzas separated by blank lines; continuation lines start with space.
      while IFS= read -r line; do
        [[ -n "$line" ]] || continue
        # line format: types|uris|suites|signedby|enabled
        IFS='|' read -r types uris suites signedby enabled <<<"$line"
        [[ " $types " == *" deb "* ]] || continue
        [[ "${enabled,,}" == "no" || "${enabled,,}" == "false" ]] && continue
        local uri suite
        for uri in $uris; do
          [[ "$uri" =~ ^(https?|file):// ]] || continue
          for suite in $suites; do
            if [[ "$suite" == "$codename" && -z "$exact" ]]; then exact="$uri $signedby"
            elif [[ "$suite" == "$codename"* && "$suite" != *security* && -z "$loose" ]]; then loose="$uri $signedby"
            fi
          done
        done
      done < <(awk '
        function flush() { if (t != "" || u != "") print t "|" u "|" s "|" k "|" e; t = u = s = k = e = ""; last = "" }
        /^[[:space:]]*#/ { next }
        /^[[:space:]]*$/ { flush(); next }
        /^[[:space:]]/ { next }   # continuation line (e.g. inline key): ignore
        {
          i = index($0, ":"); if (!i) next
          key = tolower(substr($0, 1, i - 1)); val = substr($0, i + 1)
          gsub(/^[[:space:]]+|[[:space:]]+$/, "", val)
          if (key == "types") t = val; else if (key == "uris") u = val
          else if (key == "suites") s = val; else if (key == "signed-by") k = val
          else if (key == "enabled") e = val
        }
        END { flush() }' "$f")
    else
      # one-line: deb [opts] uri suite components...
      while read -r line; do
        line="${line%%#*}"
        [[ "$line" =~ ^deb[[:space:]] ]] || continue
        local opts="" signedby="" rest
        rest="${line#deb}"
        rest="${rest#"${rest%%[![:space:]]*}"}"
        if [[ "$rest" == \[* ]]; then
          opts="${rest%%]*}"; opts="${opts#[}"
          rest="${rest#*]}"
          [[ "$opts" =~ signed-by=([^[:space:]]+) ]] && signedby="${BASH_REMATCH[1]}"
        fi
        local uri suite
        read -r uri suite _ <<<"$rest"
        [[ "$uri" =~ ^(https?|file):// ]] || continue
        if [[ "$suite" == "$codename" && -z "$exact" ]]; then exact="$uri $signedby"
        elif [[ "$suite" == "$codename"* && "$suite" != *security* && -z "$loose" ]]; then loose="$uri $signedby"
        fi
      done <"$f"
    fi
  done
  local pick="${exact:-$loose}"
  [[ -n "$pick" ]] || return 1
  echo "$pick"
}

SRC_ADDED=0
BUILD_DIR=""
cleanup() {
  local rc=$?
  if [[ -n "$BUILD_DIR" && -d "$BUILD_DIR" ]]; then rm -rf -- "$BUILD_DIR"; fi
  if (( SRC_ADDED )); then
    rm -f -- "$TMP_SOURCES"
    log "removed temporary trixie deb-src entry; apt-get update to drop its index"
    apt-get update >&2 || log "WARNING: final apt-get update failed; run 'apt-get update' by hand"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -f "$VECTOR_CONTROL" && -f "/usr/lib/postgresql/${PG_MAJOR}/lib/vector.so" ]]; then
  log "pgvector already installed ($(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$VECTOR_CONTROL"))"
else
  read -r MIRROR SIGNED_BY <<<"$(detect_mirror)" || true
  [[ -n "${MIRROR:-}" ]] || die "could not find the Debian mirror in /etc/apt/sources.list or /etc/apt/sources.list.d/ (no enabled 'deb' entry for this release)"
  if [[ -z "${SIGNED_BY:-}" || ! -f "$SIGNED_BY" ]]; then
    SIGNED_BY=/usr/share/keyrings/debian-archive-keyring.gpg
    [[ -f "$SIGNED_BY" ]] || SIGNED_BY=""
  fi
  log "building pgvector from Debian trixie's source package (mirror detected from apt sources)"
  SRC_ADDED=1   # set before writing, so the trap removes even a half-written file
  {
    echo "# Temporary entry added by Liaison's scripts/provision-postgres.sh; removed when it exits."
    echo "Types: deb-src"
    echo "URIs: ${MIRROR}"
    echo "Suites: trixie"
    echo "Components: main"
    [[ -z "$SIGNED_BY" ]] || echo "Signed-By: ${SIGNED_BY}"
  } >"$TMP_SOURCES"
  apt_update
  BUILD_DIR="$(mktemp -d /tmp/liaison-pgvector.XXXXXX)"
  (cd "$BUILD_DIR" && apt-get source -q pgvector >&2) || die "apt-get source pgvector (trixie) failed"
  src="$(find "$BUILD_DIR" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
  [[ -n "$src" ]] || die "pgvector source tree not found after apt-get source"
  log "compiling $(basename "$src") against PostgreSQL ${PG_MAJOR}"
  make -C "$src" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" >&2 || die "pgvector build failed"
  make -C "$src" PG_CONFIG="$PG_CONFIG" install >&2 || die "pgvector make install failed"
  [[ -f "$VECTOR_CONTROL" ]] || die "pgvector installed but ${VECTOR_CONTROL} is missing"
  # Drop the trixie source now rather than at exit (the trap stays as a safety net).
  rm -rf -- "$BUILD_DIR"; BUILD_DIR=""
  rm -f -- "$TMP_SOURCES"; SRC_ADDED=0
  log "removed temporary trixie deb-src entry"
  apt_update
fi

# ---------------------------------------------------------------------------
# 3. cluster
# ---------------------------------------------------------------------------
psql_admin() {
  # superuser over the unix socket inside the data dir (trust auth, dir is 0700)
  as_pg "${PGBIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "$DATA_DIR" -p "$PORT" -U postgres "$@"
}

# Enough huge pages for shared_buffers plus PostgreSQL's other shared memory (~15 %), when the
# kernel allows it (a container may not); never lowers a larger reservation.
reserve_huge_pages() {
  local size_kb need have
  size_kb="$(awk '/^Hugepagesize:/ {print $2}' /proc/meminfo 2>/dev/null || true)"
  [[ -n "$size_kb" && -w /proc/sys/vm/nr_hugepages ]] || { log "huge pages not available; starting without them"; return 0; }
  need=$(( (SHARED_BUFFERS_MB * 1024 * 115 / 100) / size_kb + 16 ))
  have="$(cat /proc/sys/vm/nr_hugepages)"
  if (( have < need )); then
    echo "$need" >/proc/sys/vm/nr_hugepages 2>/dev/null || { log "could not reserve huge pages; starting without them"; return 0; }
    log "reserved $(cat /proc/sys/vm/nr_hugepages) huge pages of ${size_kb} kB for shared_buffers"
  fi
}

ours_running() {
  [[ -f "${DATA_DIR}/PG_VERSION" ]] && as_pg "${PGBIN}/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

port_in_use() { "${PGBIN}/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 >/dev/null 2>&1 || [[ $? -ne 2 ]]; }

if ours_running; then
  log "cluster in ${DATA_DIR} already running"
  running_port="$(sed -n '4p' "${DATA_DIR}/postmaster.pid" 2>/dev/null || true)"
  [[ "$running_port" == "$PORT" ]] || die "cluster in ${DATA_DIR} runs on port ${running_port}, not ${PORT}; run '$0 stop' first or set PGPORT=${running_port}"
elif port_in_use; then
  # Something else (another data dir, another provisioning) already serves this port:
  # reuse it if the liaison credentials and pgvector work there.
  log "port ${PORT} is already in use by another server; checking whether it is usable"
  "${PGBIN}/psql" -X -q -v ON_ERROR_STOP=1 "$URL" -c 'CREATE EXTENSION IF NOT EXISTS vector' >/dev/null 2>&1 \
    || die "port ${PORT} is taken by a server where ${URL} does not work (or pgvector is missing); stop it or choose another PGPORT"
  log "reusing the server on port ${PORT}"
  echo "$URL"
  exit 0
else
  if [[ ! -f "${DATA_DIR}/PG_VERSION" ]]; then
    if [[ -d "$DATA_DIR" && -n "$(ls -A -- "$DATA_DIR")" ]]; then
      die "${DATA_DIR} exists, is not empty and is not a PostgreSQL data dir"
    fi
    log "initdb ${DATA_DIR} (as postgres)"
    mkdir -p -- "$DATA_DIR"
    chown postgres:postgres "$DATA_DIR"
    chmod 700 "$DATA_DIR"
    as_pg "${PGBIN}/initdb" -D "$DATA_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >&2 || die "initdb failed"
    cat >>"${DATA_DIR}/postgresql.conf" <<EOF

# --- added by Liaison's scripts/provision-postgres.sh (throwaway test cluster) ---
listen_addresses = '127.0.0.1'
port = ${PORT}
unix_socket_directories = '${DATA_DIR}'
fsync = off
synchronous_commit = off
full_page_writes = off
# PostgreSQL's advice is about a quarter of RAM; the default 128MB keeps a 100k-outcome store's
# postings and vectors (about 1.7 GB) mostly outside it, so searches read from the OS cache.
shared_buffers = ${SHARED_BUFFERS_MB}MB
# With 4 kB pages every backend takes a page fault the first time it touches each page of
# shared memory: a search reading 20,000 buffers ran 90 ms on a new connection, 30 ms after.
# Huge pages (reserved below when the kernel lets us) remove that; without them it starts anyway.
huge_pages = try
EOF
    # loopback only, password (scram) for everyone; unix socket (inside the 0700 data dir) trusted
    cat >"${DATA_DIR}/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   scram-sha-256
EOF
    chown postgres:postgres "${DATA_DIR}/postgresql.conf" "${DATA_DIR}/pg_hba.conf"
  fi
  reserve_huge_pages
  log "starting PostgreSQL ${PG_MAJOR} on 127.0.0.1:${PORT} (log: ${DATA_DIR}/server.log)"
  as_pg "${PGBIN}/pg_ctl" -D "$DATA_DIR" -l "${DATA_DIR}/server.log" -w -t 60 \
    -o "-p ${PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${DATA_DIR}" start >&2 \
    || { tail -n 20 "${DATA_DIR}/server.log" >&2 2>/dev/null || true; die "pg_ctl start failed"; }
fi

log "ensuring role ${DB_USER}, database ${DB_NAME} and extension vector"
psql_admin -d postgres <<EOF >&2
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') THEN
    CREATE ROLE ${DB_USER} LOGIN SUPERUSER PASSWORD '${DB_PASS}';
  ELSE
    ALTER ROLE ${DB_USER} LOGIN SUPERUSER PASSWORD '${DB_PASS}';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE ${DB_NAME} OWNER ${DB_USER}'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DB_NAME}') \gexec
EOF
psql_admin -d "$DB_NAME" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS vector' >&2 || die "CREATE EXTENSION vector failed"

# Check the URL itself works (TCP + password) and pgvector answers.
ver="$("${PGBIN}/psql" -X -qtA -v ON_ERROR_STOP=1 "$URL" \
  -c "SET client_min_messages = warning" \
  -c "CREATE EXTENSION IF NOT EXISTS vector" \
  -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'" 2>&1)" \
  || die "could not connect with ${URL}: ${ver}"
log "ready: PostgreSQL ${PG_MAJOR} + pgvector ${ver} on 127.0.0.1:${PORT}"
echo "$URL"
