# shellcheck shell=sh
#
# Functions that build Laurel and start and stop its private services: a
# MariaDB server on a unix socket, laurel-fcgi and nginx on a loopback port.
# script/server, script/test and tests/stack source this file.  POSIX sh
# with util-linux (setsid) and Linux /proc, as on Debian 12.
#
# script/server and each test stack keep all their files in one folder tree,
# here called the var folder (var/ for script/server):
#   db/       MariaDB data
#   log/      mariadb.log, fcgi.log, nginx-error.log, nginx-access.log
#   run/      sockets, pid files and the generated nginx.conf
#   tmp/      temporary files (tmp/nginx/ for nginx)
#   storage/  generated and uploaded files
# Nothing here touches the system MariaDB or nginx: no /etc/mysql,
# /etc/nginx, /run/mysqld, port 3306 or port 80.
#
# shellcheck disable=SC2034 # The scripts that source this file read the
# LAUREL_*_PID variables.
#
# Functions that start a program in the background set a variable to its
# process id (LAUREL_DB_PID, LAUREL_FCGI_PID, LAUREL_NGINX_PID).  They run it
# under setsid, so a Ctrl-C on the terminal reaches only the calling script,
# which then stops the programs in order.  Helper variables that cannot be
# local in POSIX sh start with an underscore and the function's initials.

laurel_program=${0##*/}

# ---------------------------------------------------------------- messages

laurel_say() {
	printf '%s: %s\n' "$laurel_program" "$*" >&2
}

laurel_die() {
	laurel_say "$*"
	exit 1
}

# Prints the last lines of a log file to stderr, framed so they stand out.
laurel_show_log() {
	if [ ! -s "$1" ]; then
		laurel_say "$1 is empty or missing"
		return 0
	fi
	printf '%s: last lines of %s:\n' "$laurel_program" "$1" >&2
	tail -n "${2:-20}" "$1" | sed 's/^/    /' >&2
}

# Prints VALUE in single quotes so that sh reads it back unchanged.
laurel_shell_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

laurel_is_root() {
	[ "$(id -u)" -eq 0 ]
}

# ---------------------------------------------------------------- processes

# Succeeds when process PID exists and has not exited.  With NAME, the
# program's name (/proc/PID/comm) must also start with NAME, so a pid that
# the kernel has reused for another program does not count.  An exited
# child that its parent has not yet reaped (a zombie) does not count either.
laurel_pid_alive() (
	pid=$1
	name=${2:-}
	case $pid in
	'' | *[!0-9]*) return 1 ;;
	esac
	[ -r "/proc/$pid/stat" ] || return 1
	state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d ' ' -f 1)
	case $state in
	'' | Z | X) return 1 ;;
	esac
	if [ -n "$name" ]; then
		comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
		case $comm in
		"$name"*) ;;
		*) return 1 ;;
		esac
	fi
	return 0
)

# Prints the process id stored in PIDFILE, or nothing when the file is
# missing.  Fails when the file exists but does not contain a process id.
laurel_read_pid() (
	[ -f "$1" ] || return 0
	pid=$(head -n 1 "$1")
	case $pid in
	'' | *[!0-9]*)
		laurel_say "$1 does not contain a process id"
		return 1
		;;
	esac
	printf '%s\n' "$pid"
)

# laurel_stop_process PID SIGNAL NAME [SECONDS]
# Sends SIGNAL (TERM, QUIT, ...) to PID when it is a running NAME, then waits
# up to SECONDS (default 30) for it to exit.  Succeeds when the process is
# gone.  Prints a message and fails when it is still running after SECONDS.
laurel_stop_process() (
	pid=$1
	signal=${2#SIG}
	name=$3
	limit=${4:-30}
	laurel_pid_alive "$pid" "$name" || return 0
	if ! kill -s "$signal" "$pid" 2>/dev/null; then
		laurel_pid_alive "$pid" "$name" || return 0
		laurel_say "failed to send SIG$signal to $name (pid $pid)"
		return 1
	fi
	tenths=0
	while laurel_pid_alive "$pid" "$name"; do
		if [ "$tenths" -ge $((limit * 10)) ]; then
			laurel_say "$name (pid $pid) is still running $limit s after SIG$signal; stop it with: kill -KILL $pid"
			return 1
		fi
		sleep 0.1
		tenths=$((tenths + 1))
	done
	return 0
)

# laurel_stop_pid PIDFILE SIGNAL NAME [SECONDS]
# Stops the process named in PIDFILE as laurel_stop_process does, then
# removes PIDFILE.  A missing pid file means that nothing is running.
laurel_stop_pid() {
	_lsp_pid=$(laurel_read_pid "$1") || return 1
	[ -n "$_lsp_pid" ] || return 0
	laurel_stop_process "$_lsp_pid" "$2" "$3" "${4:-30}" || return 1
	rm -f "$1"
}

# ---------------------------------------------------------------- files

# Creates the var folder tree described at the top of this file and makes
# the var folder private (mode 0700).  MariaDB's root account has an empty
# password, so anyone who could reach run/mysqld.sock could use it.
laurel_make_var_dirs() {
	mkdir -p "$1/db" "$1/log" "$1/run" "$1/tmp/nginx" "$1/storage" &&
		chmod 0700 "$1"
}

# Fails with a message when PATH is too long for a unix socket.  On Linux,
# sun_path in struct sockaddr_un has room for 108 bytes with the final NUL.
laurel_check_socket_path() {
	if [ "${#1}" -gt 107 ]; then
		laurel_say "socket path $1 is ${#1} bytes long, but Linux allows at most 107; use a shorter folder"
		return 1
	fi
}

# laurel_hdf_get FILE NAME
# Prints the value of a top-level "Name.Key = value" line in a Laurel HDF
# file.  The last assignment wins, as in lib/conf.c.  Fails when NAME is
# not set.  Does not read names set inside "Name { ... }" blocks.
laurel_hdf_get() {
	awk -v key="$2" '
		/^[ \t]*#/ { next }
		{
			eq = index($0, "=")
			if (eq == 0)
				next
			name = substr($0, 1, eq - 1)
			gsub(/^[ \t]+|[ \t]+$/, "", name)
			if (name != key)
				next
			value = substr($0, eq + 1)
			gsub(/^[ \t]+|[ \t]+$/, "", value)
			found = 1
		}
		END {
			if (found)
				print value
			exit !found
		}' "$1"
}

# Prints PATH unchanged when it is absolute, else prefixed with BASE/.
laurel_abs_path() {
	case $2 in
	/*) printf '%s\n' "$2" ;;
	*) printf '%s/%s\n' "$1" "$2" ;;
	esac
}

# ---------------------------------------------------------------- build

# laurel_build SRCDIR
# Builds the tree in place: autoreconf when configure is missing or older
# than configure.ac, ./configure when Makefile is missing or older than
# configure, then make -j2.  Later changes to Makefile.am are picked up by
# the rebuild rules that automake writes into the Makefile.
laurel_build() (
	cd "$1" || return 1
	if [ ! -x configure ] || [ -n "$(find configure.ac -newer configure)" ]; then
		laurel_say "running autoreconf -fi"
		autoreconf -fi || return 1
	fi
	if [ ! -f Makefile ] || [ -n "$(find configure -newer Makefile)" ]; then
		laurel_say "running ./configure"
		./configure || return 1
	fi
	make -j2
)

# ---------------------------------------------------------------- MariaDB

# laurel_db_init DATADIR
# Creates the MariaDB system tables in DATADIR unless they exist.  The
# output of mariadb-install-db goes to mariadb-install.log in the log folder
# next to DATADIR.  Root gets password authentication with an empty
# password, so any local user who can reach the socket can connect as root,
# and the permissions of the socket's folder are the only guard.
laurel_db_init() {
	[ -d "$1/mysql" ] && return 0
	if [ -d "$1" ] && [ -n "$(ls -A "$1")" ]; then
		laurel_say "$1 is not empty but contains no MariaDB system tables, possibly after an interrupted first start; delete the folder, which deletes any data in it, and start again"
		return 1
	fi
	_ldi_log=$(dirname "$1")/log/mariadb-install.log
	mkdir -p "$1" "$(dirname "$_ldi_log")" || return 1

	_ldi_user=
	laurel_is_root && _ldi_user=--user=root
	# --no-defaults must come first, or /etc/mysql is read as well.
	if ! mariadb-install-db --no-defaults --datadir="$1" \
	    ${_ldi_user:+"$_ldi_user"} \
	    --auth-root-authentication-method=normal --skip-test-db \
	    >"$_ldi_log" 2>&1; then
		laurel_say "mariadb-install-db failed for $1"
		laurel_show_log "$_ldi_log"
		return 1
	fi
}

# laurel_db_start DATADIR SOCKET LOGFILE PIDFILE [durable|fast]
# Starts mariadbd in the background on SOCKET with networking off, and sets
# LAUREL_DB_PID.  All paths should be absolute.  "durable" (the default)
# flushes the redo log at every commit and keeps the doublewrite buffer, so
# a power cut loses no committed transaction on storage that honours fsync.  "fast" is for throwaway test
# databases: it flushes the redo log about once a second, so an operating
# system crash may lose the last second of commits (a crash of mariadbd
# alone loses nothing).
laurel_db_start() {
	case ${5:-durable} in
	durable) _lds_flush=1 ;;
	fast) _lds_flush=2 ;;
	*)
		laurel_say "laurel_db_start: unknown mode '$5' (expected durable or fast)"
		return 1
		;;
	esac
	laurel_check_socket_path "$2" || return 1
	mkdir -p "$(dirname "$2")" "$(dirname "$3")" "$(dirname "$4")" || return 1

	# As root, mariadbd does not start without --user=root, and reports
	# that only on stderr, which goes to LOGFILE here.
	_lds_user=
	laurel_is_root && _lds_user=--user=root
	# The time zone is written as an offset because the named zones need
	# the time zone tables, which mariadb-install-db leaves empty.
	setsid mariadbd --no-defaults ${_lds_user:+"$_lds_user"} \
		--datadir="$1" \
		--socket="$2" \
		--log-error="$3" \
		--pid-file="$4" \
		--skip-networking \
		--character-set-server=utf8mb4 \
		--collation-server=utf8mb4_unicode_ci \
		--transaction-isolation=READ-COMMITTED \
		--default-time-zone=+00:00 \
		--innodb-flush-log-at-trx-commit="$_lds_flush" \
		--innodb-doublewrite=1 \
		</dev/null >>"$3" 2>&1 &
	LAUREL_DB_PID=$!
}

# laurel_db_wait SOCKET [PID] [SECONDS]
# Waits until MariaDB accepts connections on SOCKET, for at most SECONDS.
# The default is 60 because crash recovery after an unclean stop can take a
# while.  With PID, fails at once when that process exits.
laurel_db_wait() (
	limit=${3:-60}
	tenths=0
	until mariadb-admin --no-defaults --socket="$1" --user=root \
	    --connect-timeout=2 ping >/dev/null 2>&1; do
		if [ -n "${2:-}" ] && ! laurel_pid_alive "$2"; then
			laurel_say "mariadbd (pid $2) exited during start-up"
			return 1
		fi
		if [ "$tenths" -ge $((limit * 10)) ]; then
			laurel_say "MariaDB did not accept connections on $1 within $limit s"
			return 1
		fi
		sleep 0.1
		tenths=$((tenths + 1))
	done
)

# laurel_db_create SOCKET DBNAME
# Creates database DBNAME (utf8mb4, utf8mb4_unicode_ci) unless it exists.
laurel_db_create() {
	case $2 in
	'' | *[!A-Za-z0-9_]*)
		laurel_say "invalid database name '$2': use letters, digits and _"
		return 1
		;;
	esac
	mariadb --no-defaults --socket="$1" --user=root -e \
	    "CREATE DATABASE IF NOT EXISTS \`$2\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

# ---------------------------------------------------------------- laurel-fcgi

# laurel_fcgi_start BINARY CONFIG LOGFILE
# Starts laurel-fcgi in the background with stdout and stderr appended to
# LOGFILE, and sets LAUREL_FCGI_PID.
laurel_fcgi_start() {
	if [ ! -x "$1" ]; then
		laurel_say "$1 not found or not executable: build Laurel first (make)"
		return 1
	fi
	setsid "$1" -c "$2" </dev/null >>"$3" 2>&1 &
	LAUREL_FCGI_PID=$!
}

# laurel_fcgi_wait SOCKET PIDFILE PID LOGFILE [SECONDS]
# Waits until laurel-fcgi has created SOCKET and written PIDFILE, for at
# most SECONDS (default 30).  Fails at once, showing the end of LOGFILE,
# when process PID exits.
laurel_fcgi_wait() (
	limit=${5:-30}
	tenths=0
	until [ -S "$1" ] && [ -s "$2" ]; do
		if ! laurel_pid_alive "$3"; then
			laurel_say "laurel-fcgi (pid $3) exited during start-up"
			laurel_show_log "$4"
			return 1
		fi
		if [ "$tenths" -ge $((limit * 10)) ]; then
			laurel_say "laurel-fcgi did not create $1 and $2 within $limit s"
			laurel_show_log "$4"
			return 1
		fi
		sleep 0.1
		tenths=$((tenths + 1))
	done
)

# ---------------------------------------------------------------- laurel-worker

# laurel_worker_start BINARY CONFIG LOGFILE PIDFILE [SECONDS]
# Starts laurel-worker in the background with stdout and stderr appended to
# LOGFILE, sets LAUREL_WORKER_PID, and waits until it has written PIDFILE,
# for at most SECONDS (default 30).
laurel_worker_start() {
	if [ ! -x "$1" ]; then
		laurel_say "$1 not found or not executable: build Laurel first (make)"
		return 1
	fi
	setsid "$1" -c "$2" -p "$4" </dev/null >>"$3" 2>&1 &
	LAUREL_WORKER_PID=$!
	_lw_limit=${5:-30}
	_lw_tenths=0
	until [ -s "$4" ]; do
		if ! laurel_pid_alive "$LAUREL_WORKER_PID"; then
			laurel_say "laurel-worker (pid $LAUREL_WORKER_PID) exited during start-up"
			laurel_show_log "$3"
			return 1
		fi
		if [ "$_lw_tenths" -ge $((_lw_limit * 10)) ]; then
			laurel_say "laurel-worker did not write $4 within $_lw_limit s"
			laurel_show_log "$3"
			return 1
		fi
		sleep 0.1
		_lw_tenths=$((_lw_tenths + 1))
	done
}

# ---------------------------------------------------------------- nginx

# Prints VALUE with the characters that are special in a sed replacement
# (backslash, ampersand and the | delimiter) escaped.
laurel_sed_escape() {
	printf '%s\n' "$1" | sed 's/[\\&|]/\\&/g'
}

# Fails unless PATH is absolute and uses only characters that nginx.conf
# accepts without quotes.  A space, quote, semicolon, brace or $ would
# change the meaning of the line that the path is written into.
laurel_check_conf_path() {
	case $2 in
	/*) ;;
	*)
		laurel_say "$1 must be an absolute path: $2"
		return 1
		;;
	esac
	case $2 in
	*[!A-Za-z0-9/._+@,:=%~-]*)
		laurel_say "$1 contains characters nginx.conf would need quoted: $2 (allowed: letters, digits and / . _ - + @ , : = % ~)"
		return 1
		;;
	esac
}

# laurel_nginx_conf TEMPLATE OUTPUT PREFIX PORT STATIC_DIR FCGI_SOCKET
#                   STORAGE_DIR MAX_BODY
# Writes OUTPUT from TEMPLATE (conf/nginx.conf.in), replacing @PREFIX@,
# @PORT@, @STATIC_DIR@, @FCGI_SOCKET@, @STORAGE_DIR@ and @MAX_BODY@, and
# @USER@ with "user root root;" for root or an empty line for anyone else.
# Paths must be absolute.  MAX_BODY is a size as nginx writes it: 10485760,
# 512k or 10m.
laurel_nginx_conf() {
	laurel_check_conf_path "nginx prefix" "$3" || return 1
	laurel_check_conf_path "static folder" "$5" || return 1
	laurel_check_conf_path "laurel-fcgi socket" "$6" || return 1
	laurel_check_conf_path "storage folder" "$7" || return 1
	laurel_check_socket_path "$6" || return 1
	case $4 in
	'' | *[!0-9]*)
		laurel_say "invalid port '$4': expected a number from 1 to 65535"
		return 1
		;;
	esac
	if [ "$4" -lt 1 ] || [ "$4" -gt 65535 ]; then
		laurel_say "invalid port '$4': expected a number from 1 to 65535"
		return 1
	fi
	case $8 in
	'' | *[!0-9kKmMgG]* | [!0-9]* | *[kKmMgG]?*)
		laurel_say "invalid body size '$8': expected a number of bytes, optionally followed by k, m or g"
		return 1
		;;
	esac

	_lnc_user=
	laurel_is_root && _lnc_user='user root root;'

	if ! sed \
	    -e "s|@USER@|$_lnc_user|g" \
	    -e "s|@PREFIX@|$(laurel_sed_escape "$3")|g" \
	    -e "s|@PORT@|$4|g" \
	    -e "s|@STATIC_DIR@|$(laurel_sed_escape "$5")|g" \
	    -e "s|@FCGI_SOCKET@|$(laurel_sed_escape "$6")|g" \
	    -e "s|@STORAGE_DIR@|$(laurel_sed_escape "$7")|g" \
	    -e "s|@MAX_BODY@|$8|g" \
	    "$1" >"$2.tmp"; then
		rm -f "$2.tmp"
		laurel_say "failed to write $2 from $1"
		return 1
	fi
	if grep -n '@[A-Z_]*@' "$2.tmp" >&2; then
		rm -f "$2.tmp"
		laurel_say "$1 contains placeholders that laurel_nginx_conf does not know (lines above)"
		return 1
	fi
	mv -f "$2.tmp" "$2"
}

# laurel_nginx_start PREFIX CONF
# Starts nginx in the background with its prefix, pid file, logs and
# temporary files under PREFIX, and sets LAUREL_NGINX_PID.  Messages from
# before the configuration is read go to PREFIX/log/nginx-error.log too.
# nginx 1.22 writes each start-up message both there and to stderr, so
# stderr would only repeat them and goes to /dev/null.
laurel_nginx_start() {
	mkdir -p "$1/log" "$1/run" "$1/tmp/nginx" || return 1
	setsid nginx -p "$1/" -c "$2" -e "$1/log/nginx-error.log" \
		</dev/null >/dev/null 2>&1 &
	LAUREL_NGINX_PID=$!
}

# laurel_nginx_wait PREFIX PID PORT [SECONDS]
# Waits until nginx (process PID) has written PREFIX/run/nginx.pid, which it
# does after it has opened its listening socket, for at most SECONDS
# (default 10).  nginx 1.22 tries a busy port 5 times, 0.5 s apart, before
# it gives up.  Returns 2 when nginx exited because PORT was in use, 1 on
# any other failure.
laurel_nginx_wait() (
	limit=${4:-10}
	tenths=0
	log=$1/log/nginx-error.log
	until [ "$(laurel_read_pid "$1/run/nginx.pid" 2>/dev/null)" = "$2" ]; do
		if ! laurel_pid_alive "$2"; then
			if grep -q "\\[emerg\\] $2#.*127\\.0\\.0\\.1:$3 failed (98: Address already in use)" "$log" 2>/dev/null; then
				return 2
			fi
			laurel_say "nginx (pid $2) exited during start-up"
			laurel_show_log "$log"
			return 1
		fi
		if [ "$tenths" -ge $((limit * 10)) ]; then
			laurel_say "nginx did not write $1/run/nginx.pid within $limit s"
			laurel_show_log "$log"
			return 1
		fi
		sleep 0.1
		tenths=$((tenths + 1))
	done
)

# ---------------------------------------------------------------- ports

# laurel_port_in_use PORT [STATE]
# Succeeds when a TCP socket in this network namespace has local port PORT,
# on any address.  With STATE, only sockets in that state count.  In
# /proc/net/tcp, 0A is LISTEN.
laurel_port_in_use() (
	hex=$(printf '%04X' "$1")
	for table in /proc/net/tcp /proc/net/tcp6; do
		[ -r "$table" ] || continue
		if awk -v port="$hex" -v state="${2:-}" '
			NR > 1 {
				split($2, local_address, ":")
				if (local_address[2] == port && (state == "" || $4 == state))
					found = 1
			}
			END { exit !found }' "$table"; then
			return 0
		fi
	done
	return 1
)

# Prints a random TCP port from 20000 to 29999 that no socket uses, below
# Linux's default range for outgoing connections (32768 to 60999).  Another
# program can still take the port before the caller binds it, so callers
# retry with a new port when the bind fails.
laurel_free_port() (
	tries=0
	while [ "$tries" -lt 100 ]; do
		random=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
		port=$((20000 + random % 10000))
		if ! laurel_port_in_use "$port"; then
			printf '%s\n' "$port"
			return 0
		fi
		tries=$((tries + 1))
	done
	laurel_say "found no free TCP port from 20000 to 29999 in 100 tries"
	return 1
)

# ---------------------------------------------------------------- tests

# laurel_test_summary BUILDDIR
# Prints the names of the failed tests and the end of their logs, then as
# the last line "N passed, N failed", counted from the TAP results in
# BUILDDIR/test-suite.log.  PASS and XFAIL count as passed, and FAIL, XPASS
# and ERROR as failed.  Fails when any test failed or no test ran.
laurel_test_summary() (
	log=$1/test-suite.log
	if [ ! -f "$log" ]; then
		laurel_say "$log not found: make check ran no tests"
		echo "0 passed, 0 failed"
		return 1
	fi

	count() {
		sed -n "s/^# $1: *\([0-9][0-9]*\)\$/\1/p" "$log" | head -n 1
	}
	pass=$(count PASS)
	xfail=$(count XFAIL)
	fail=$(count FAIL)
	xpass=$(count XPASS)
	error=$(count ERROR)
	skip=$(count SKIP)
	passed=$((${pass:-0} + ${xfail:-0}))
	failed=$((${fail:-0} + ${xpass:-0} + ${error:-0}))

	# automake writes one section per failed test: a line "FAIL: NAME"
	# (or ERROR:, XPASS:) underlined with "=", where NAME is the test's log
	# file without ".log".  The logs copied into the sections contain such
	# lines too, but not underlined.
	failures=$(awk '
		/^=+$/ && previous ~ /^(FAIL|ERROR|XPASS): / {
			sub(/^[A-Z]+: /, "", previous)
			print previous
		}
		{ previous = $0 }' "$log")
	if [ -n "$failures" ]; then
		echo
		echo "Failed tests:"
		printf '%s\n' "$failures" | while IFS= read -r name; do
			test_log=$1/$name.log
			echo
			echo "=== $name ($test_log)"
			if [ -f "$test_log" ]; then
				tail -n 30 "$test_log"
			else
				echo "(no log file)"
			fi
		done
		echo
	fi
	if [ "${skip:-0}" -gt 0 ]; then
		echo "$skip skipped"
	fi
	status=0
	if [ "$failed" -gt 0 ]; then
		status=1
	elif [ "$passed" -eq 0 ]; then
		echo "No test passed: make check ran no tests."
		status=1
	fi
	echo "$passed passed, $failed failed"
	return "$status"
)
