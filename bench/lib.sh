# Functions of the bench scripts: a private stack, SQL, sign-in and wrk
# runs.  A script sets srcdir (the source tree) and duration (the
# seconds of each measured wrk run), then sources this file.

# bench_require_wrk: exits when wrk is not installed.
bench_require_wrk() {
	command -v wrk >/dev/null ||
		{ echo "bench: wrk is not installed (script/bootstrap installs it)" >&2; exit 1; }
}

# bench_stack_start WORKERS: starts a private stack with WORKERS FastCGI
# workers in a new temporary folder, $dir, and loads its LAUREL_TEST_*
# variables.  The stack stops, and the folder goes, when the script
# exits.  Other LAUREL_STACK_* settings come from the environment.
bench_stack_start() {
	dir=$(mktemp -d "${TMPDIR:-/tmp}/laurel-bench.XXXXXX")
	rmdir "$dir"
	LAUREL_STACK_WORKERS=$1 "$srcdir/tests/stack" start "$dir" >/dev/null
	trap '"$srcdir/tests/stack" stop "$dir" --clean >/dev/null 2>&1' EXIT INT TERM
	. "$dir/env"
}

# bench_sql SQL: runs SQL in the stack's database as root and prints the
# rows, tab-separated, without a header.
bench_sql() {
	mariadb --no-defaults --socket="$LAUREL_TEST_DB_SOCKET" --user=root \
	    -N -B laurel -e "$1"
}

# bench_sign_in LOGIN PASSWORD: signs in through the sign-in form with a
# cookie jar of its own and prints the session token.  Fails when the
# form does not redirect, so that "token=$(bench_sign_in ...)" stops a
# script run with set -e.
bench_sign_in() {
	_jar=$dir/jar-$1
	_csrf=$(curl -s -c "$_jar" -b "$_jar" "$LAUREL_TEST_URL/signin" |
	    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	_status=$(curl -s -o /dev/null -w '%{http_code}' -c "$_jar" -b "$_jar" \
	    --data-urlencode "csrf=$_csrf" --data-urlencode "login=$1" \
	    --data-urlencode "password=$2" "$LAUREL_TEST_URL/signin")
	_token=$(awk '$6 == "laurel_session" { print $7 }' "$_jar" | tail -n 1)
	if [ "$_status" != 303 ] || [ -z "$_token" ]; then
		echo "bench: signing in as $1 failed (HTTP $_status)" >&2
		return 1
	fi
	echo "$_token"
}

# bench_statements TOKEN PATH: prints the mean number of prepared
# statements that 100 requests of PATH with session TOKEN ran, rounded
# down, from MariaDB's Com_stmt_execute.  laurel-worker's polling adds a
# fraction of a statement per request to that global counter.
bench_statements() {
	_before=$(bench_sql "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | awk '{ print $2 }')
	_i=0
	while [ "$_i" -lt 100 ]; do
		curl -s -o /dev/null -b "laurel_session=$1" "$LAUREL_TEST_URL$2"
		_i=$((_i + 1))
	done
	_after=$(bench_sql "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | awk '{ print $2 }')
	echo $(( (_after - _before) / 100 ))
}

# bench_wrk TOKEN PATH [CONNECTIONS]: loads PATH for $duration seconds
# with wrk (2 threads, 32 connections unless given) and prints
# "requests/s p99-in-ms non-2xx".  TOKEN "-" sends no session cookie.
# wrk's lines about non-2xx responses and socket errors go to stderr.
bench_wrk() {
	if [ "$1" = - ]; then
		_out=$(wrk -t2 -c"${3:-32}" -d"${duration}s" --latency \
		    "$LAUREL_TEST_URL$2")
	else
		_out=$(wrk -t2 -c"${3:-32}" -d"${duration}s" --latency \
		    -H "Cookie: laurel_session=$1" "$LAUREL_TEST_URL$2")
	fi
	_rps=$(printf '%s\n' "$_out" | awk '/^Requests\/sec:/ { print $2 }')
	_p99=$(printf '%s\n' "$_out" | awk '$1 == "99%" { v = $2
		if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v) }
		else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
		print v }')
	_bad=$(printf '%s\n' "$_out" | awk '/Non-2xx/ { print $NF }')
	printf '%s\n' "$_out" | awk -v p="$2" '/Non-2xx|Socket errors/ {
		print "bench: " p ": " $0 }' >&2
	echo "$_rps $_p99 ${_bad:-0}"
}

# bench_warm TOKEN PATH: a short, unmeasured wrk run of PATH, so that
# every worker has prepared its statements and, where the page cache
# applies, keeps the page (a worker keeps it once its versions are two
# seconds old).  TOKEN "-" sends no session cookie.
bench_warm() {
	if [ "$1" = - ]; then
		wrk -t1 -c4 -d3s "$LAUREL_TEST_URL$2" >/dev/null
	else
		wrk -t1 -c4 -d3s -H "Cookie: laurel_session=$1" \
		    "$LAUREL_TEST_URL$2" >/dev/null
	fi
}

# bench_cache_off: turns the page cache off (Server.PageCacheBytes = 0)
# and waits for the FastCGI master to replace its workers, which load
# the setting.
bench_cache_off() {
	sed -i 's/^Server.PageCacheBytes = .*/Server.PageCacheBytes = 0/' "$LAUREL_TEST_CONFIG"
	kill -HUP "$LAUREL_TEST_FCGI_PID"
	sleep 2
}
