# Throwaway PostgreSQL and MariaDB servers on loopback for the test suite.
#
# Source this file, then call hy_start_servers. It starts the servers with
# their own data directories under one temporary directory, on free ports,
# exports HYSTERIA_TEST_POSTGRES, HYSTERIA_TEST_MARIADB and
# HYSTERIA_TEST_MARIADB_INTERLEAVED (a second MariaDB with
# innodb_autoinc_lock_mode = 2, MySQL 8's default, under which one INSERT's rows
# need not get consecutive keys) for the tests, and installs an EXIT trap that
# stops the servers and removes the directory. System services are never touched.

hy_free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

hy_wait_for() {
    local what=$1; shift
    for _ in $(seq 1 120); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.5
    done
    echo "$what did not come up" >&2
    return 1
}

hy_pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
    echo "$dir"
}

hy_start_postgres() {
    local bindir port dir=$HY_SERVER_DIR/postgres
    bindir=$(hy_pg_bindir) || return 1
    port=$(hy_free_port) || return 1
    mkdir -p "$dir"
    # PostgreSQL refuses to run as root: run it as an unprivileged account.
    local runas=()
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown -R postgres "$dir"
        chmod 755 "$HY_SERVER_DIR"
        runas=(runuser -u postgres --)
    fi
    "${runas[@]}" "$bindir/initdb" -D "$dir/data" -U hy --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
    HY_PG_STOP=("${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop)
    export HYSTERIA_TEST_POSTGRES="hy:hy@127.0.0.1:$port"
    echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# hy_start_mariadb <name> <variable> [mariadbd options...]
hy_start_mariadb() {
    local name=$1 variable=$2; shift 2
    local port dir=$HY_SERVER_DIR/$name
    port=$(hy_free_port) || return 1
    mkdir -p "$dir"
    mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$dir/data" \
        --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 \
        || { cat "$dir/install.log" >&2; return 1; }
    mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/data" --port="$port" \
        --bind-address=127.0.0.1 --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" \
        --skip-log-bin --innodb-flush-log-at-trx-commit=0 "$@" \
        --log-error="$dir/server.log" 2>>"$dir/server.log" &
    HY_MARIADB_PIDS+=($!)
    hy_wait_for MariaDB mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e "SELECT 1" \
        || { cat "$dir/server.log" >&2; return 1; }
    mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot \
        -e "CREATE USER 'hy'@'%' IDENTIFIED BY 'hy'; GRANT ALL PRIVILEGES ON *.* TO 'hy'@'%' WITH GRANT OPTION;"
    export "$variable=hy:hy@127.0.0.1:$port"
    echo "MariaDB $(mariadbd --version | awk '{print $3}') ($name) on 127.0.0.1:$port"
}

hy_stop_servers() {
    if [ -n "${HY_PG_STOP+x}" ]; then "${HY_PG_STOP[@]}" >/dev/null 2>&1 || true; fi
    for pid in "${HY_MARIADB_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    [ -n "${HY_SERVER_DIR:-}" ] && rm -rf "$HY_SERVER_DIR"
}

hy_start_servers() {
    HY_SERVER_DIR=$(mktemp -d /tmp/hysteriaqt-servers.XXXXXX)
    trap hy_stop_servers EXIT
    HY_MARIADB_PIDS=()
    hy_start_postgres \
        && hy_start_mariadb mariadb HYSTERIA_TEST_MARIADB \
        && hy_start_mariadb mariadb-interleaved HYSTERIA_TEST_MARIADB_INTERLEAVED \
            --innodb-autoinc-lock-mode=2
}
