#!/bin/sh
# The prefork master under stress, on a private stack of its own because
# it kills workers and stops the database: kill -9 of a worker under load,
# graceful replacement on SIGHUP, back-off in a crash loop, and 503 while
# MariaDB is down with recovery when it returns.
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${LAUREL_SRCDIR:-$here/../..}
. "$here/private-stack.sh"
private_stack_start laurel-process
. "$here/lib.sh"
. "$srcdir/script/services.sh"
trap 'http_cleanup; "$srcdir/tests/stack" stop "$stack_dir" --clean >/dev/null 2>&1' EXIT

master=$LAUREL_TEST_FCGI_PID
fcgi_log=$stack_dir/log/fcgi.log

# Prints the pids of the master's children.
workers() {
	for stat in /proc/[0-9]*/stat; do
		awk -v parent="$master" '$4 == parent { print $1 }' "$stat" 2>/dev/null
	done | sort -n
}

# load N OUT: N requests to /healthz, 4 at a time; each status to OUT.
load() {
	seq "$1" | xargs -P 4 -I{} curl -s -o /dev/null -w '%{http_code}\n' \
	    --max-time 10 "$LAUREL_TEST_URL/healthz" >"$2"
}

# wait_for COMMAND...: retries for up to 10 seconds.
wait_for() {
	_wf_i=0
	while [ "$_wf_i" -lt 100 ]; do
		"$@" && return 0
		sleep 0.1
		_wf_i=$((_wf_i + 1))
	done
	return 1
}

two_workers() {
	[ "$(workers | wc -l)" -eq 2 ]
}

is "$(workers | wc -l | tr -d ' ')" 2 "master runs Server.Workers workers"

# kill -9 during load
before=$(workers)
victim=$(echo "$before" | head -n 1)
load 600 "$HTTP_TEST_DIR/kill.out" &
loader=$!
sleep 0.3
kill -9 "$victim"
wait "$loader"
failed=$(grep -vc '^200$' "$HTTP_TEST_DIR/kill.out")
answered=$(wc -l <"$HTTP_TEST_DIR/kill.out" | tr -d ' ')
is "$answered" 600 "every request of the load was answered"
if [ "$failed" -le 1 ]; then
	tap_result 0 "kill -9 cost at most the killed worker's request ($failed failed)"
else
	tap_result 1 "kill -9 cost at most the killed worker's request ($failed failed)"
fi
wait_for two_workers
is "$(workers | wc -l | tr -d ' ')" 2 "killed worker replaced"
if workers | grep -qx "$victim"; then
	tap_result 1 "the killed pid is gone"
else
	tap_result 0 "the killed pid is gone"
fi
like_log() {
	grep -q "$1" "$fcgi_log"
}
if like_log "worker $victim killed by signal 9"; then
	tap_result 0 "master logged the killed worker"
else
	tap_result 1 "master logged the killed worker"
fi

# SIGHUP during load: every request succeeds and every worker is new.
before=$(workers)
load 600 "$HTTP_TEST_DIR/hup.out" &
loader=$!
sleep 0.2
kill -HUP "$master"
wait "$loader"
is "$(grep -vc '^200$' "$HTTP_TEST_DIR/hup.out")" 0 "no request failed during SIGHUP"
replaced() {
	now=$(workers)
	[ "$(echo "$now" | wc -l)" -eq 2 ] || return 1
	for p in $before; do
		echo "$now" | grep -qx "$p" && return 1
	done
	return 0
}
if wait_for replaced; then
	tap_result 0 "SIGHUP replaced every worker"
else
	tap_result 1 "SIGHUP replaced every worker"
fi

# A crash loop backs off instead of forking without pause.
starts_before=$(grep -c 'started worker' "$fcgi_log")
end=$(( $(date +%s) + 3 ))
while [ "$(date +%s)" -lt "$end" ]; do
	for p in $(workers); do
		kill -9 "$p" 2>/dev/null
	done
	sleep 0.02
done
starts=$(( $(grep -c 'started worker' "$fcgi_log") - starts_before ))
if [ "$starts" -lt 30 ]; then
	tap_result 0 "crash loop forked $starts workers in 3 s, not hundreds"
else
	tap_result 1 "crash loop forked $starts workers in 3 s, not hundreds"
fi
# On a loaded machine a worker can outlive its first second before the
# loop above finds it, so keep killing new workers for up to 5 more
# seconds until the master reports a back-off.
end=$(( $(date +%s) + 5 ))
while ! like_log 'within a second of starting; next start in' &&
    [ "$(date +%s)" -lt "$end" ]; do
	for p in $(workers); do
		kill -9 "$p" 2>/dev/null
	done
	sleep 0.02
done
if like_log 'within a second of starting; next start in'; then
	tap_result 0 "back-off logged"
else
	tap_result 1 "back-off logged"
fi
if wait_for two_workers || (sleep 20; two_workers); then
	tap_result 0 "workers come back after the crash loop"
else
	tap_result 1 "workers come back after the crash loop"
fi

# Database down: 503, then recovery without a restart.
request GET /signin
is "$STATUS" 200 "sign-in page before the database stops"
laurel_stop_pid "$stack_dir/run/mysqld.pid" TERM mariadbd 60
request GET /signin
is "$STATUS" 503 "database down answers 503"
like 'temporarily unavailable' "503 page is friendly"
request GET /healthz
is "$STATUS" 200 "health check does not need the database"
laurel_db_start "$stack_dir/db" "$stack_dir/run/mysqld.sock" \
    "$stack_dir/log/mariadb.log" "$stack_dir/run/mysqld.pid" fast
laurel_db_wait "$stack_dir/run/mysqld.sock" "$LAUREL_DB_PID" >/dev/null 2>&1
page_ok() {
	request GET /signin
	[ "$STATUS" = 200 ]
}
if wait_for page_ok; then
	tap_result 0 "service resumes when the database is back"
else
	tap_result 1 "service resumes when the database is back"
fi

# SIGTERM stops the master and its workers.
kill -TERM "$master"
gone() {
	! kill -0 "$master" 2>/dev/null
}
if wait_for gone; then
	tap_result 0 "SIGTERM stops the master"
else
	tap_result 1 "SIGTERM stops the master"
fi
is "$(workers | wc -l | tr -d ' ')" 0 "no worker left behind"
if [ -e "$stack_dir/run/laurel-fcgi.sock" ]; then
	tap_result 1 "socket removed on exit"
else
	tap_result 0 "socket removed on exit"
fi

done_testing
