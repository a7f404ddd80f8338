#!/bin/sh
# laurel-worker: the periodic tasks (expiring certifications, purging
# sessions and old exports), taking over a job whose lease ended, failing
# a job abandoned on its last attempt, rejecting a job it cannot run, and
# stopping on SIGTERM.  The stack's own worker runs too, so each check
# waits for the outcome, whichever worker produces it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

worker=$LAUREL_BUILDDIR/worker/laurel-worker
tag=$(unique_name W | tr -d -)
learner=$(unique_name wlearner)
add_user "$learner" learner 'learner pass 123' --first-name Wanda --last-name Orker
uid=$(sql "SELECT id FROM users WHERE login = '$learner'")

# run_worker: runs the waiting jobs and the due tasks once, then exits.
run_worker() {
	"$worker" -1 -c "$LAUREL_TEST_CONFIG" >>"$HTTP_TEST_DIR/worker.log" 2>&1
}
# make_due TASK: makes the periodic task due now.
make_due() {
	sql "UPDATE worker_tasks SET next_run_at = '2000-01-01' WHERE name = '$1'"
}
# wait_for SQL EXPECTED: waits up to 10 s for the query to print EXPECTED,
# then prints what it printed last.
wait_for() {
	_wf_i=0
	while _wf_v=$(sql "$1"); [ "$_wf_v" != "$2" ] && [ "$_wf_i" -lt 100 ]; do
		sleep 0.1
		_wf_i=$((_wf_i + 1))
	done
	printf '%s\n' "$_wf_v"
}

is "$(run_worker; echo $?)" 0 "worker -1 exits 0 with nothing to do"

# ---------------------------------------------------------------- expiry

fam=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
ver=$(sql "INSERT INTO certifications (family_id, version, name, description, expiration_type, expire_days, created_at, updated_at) VALUES ($fam, 1, 'Expiry $tag', '', 'interval', 30, NOW(6), NOW(6)) RETURNING id")
fam2=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)) RETURNING id")
ver2=$(sql "INSERT INTO certifications (family_id, version, name, description, expiration_type, expire_days, created_at, updated_at) VALUES ($fam2, 1, 'Valid $tag', '', 'interval', 30, NOW(6), NOW(6)) RETURNING id")
today_id=$(sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on, expires_on) VALUES ($uid, $fam, $ver, 'admin', NOW(6), CURDATE(), 'completed', DATE_SUB(CURDATE(), INTERVAL 30 DAY), CURDATE()) RETURNING id")
later_id=$(sql "INSERT INTO enrollments (user_id, family_id, certification_id, method, enrolled_at, enrolled_on, status, completed_on, expires_on) VALUES ($uid, $fam2, $ver2, 'admin', NOW(6), CURDATE(), 'completed', DATE_SUB(CURDATE(), INTERVAL 29 DAY), DATE_ADD(CURDATE(), INTERVAL 1 DAY)) RETURNING id")
make_due expire_certifications
run_worker
is "$(wait_for "SELECT status FROM enrollments WHERE id = $today_id" expired)" expired \
    "certification expiring today is marked expired"
is "$(sql "SELECT status FROM enrollments WHERE id = $later_id")" completed \
    "certification expiring tomorrow stays completed"
like_result=$(sql "SELECT last_result FROM worker_tasks WHERE name = 'expire_certifications'")
case $like_result in
*"Certifications marked expired: "*) tap_result 0 "task records its result" ;;
*) tap_result 1 "task records its result"; diag "last_result: $like_result" ;;
esac
is "$(sql "SELECT next_run_at > NOW(6) FROM worker_tasks WHERE name = 'expire_certifications'")" 1 \
    "task is scheduled again"

# ---------------------------------------------------------------- sessions

sql "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (UNHEX(SHA2('$tag', 256)), $uid, REPEAT('a', 43), '2020-01-01', '2020-01-01', '2020-01-02')"
make_due purge_sessions
run_worker
is "$(wait_for "SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX(SHA2('$tag', 256))" 0)" 0 \
    "expired session is deleted"

# ---------------------------------------------------------------- exports

storage=$(sed -n 's/^Storage.Dir = //p' "$LAUREL_TEST_CONFIG")
old_file="export-$tag-old.csv"
new_file="export-$tag-new.csv"
printf 'a,b\r\n' >"$storage/$old_file"
printf 'a,b\r\n' >"$storage/$new_file"
old_job=$(sql "INSERT INTO jobs (kind, state, run_after, result_file, result_name, created_at, finished_at) VALUES ('csv_export', 'done', NOW(6), '$old_file', 'old.csv', NOW(6), DATE_SUB(NOW(6), INTERVAL 8 DAY)) RETURNING id")
new_job=$(sql "INSERT INTO jobs (kind, state, run_after, result_file, result_name, created_at, finished_at) VALUES ('csv_export', 'done', NOW(6), '$new_file', 'new.csv', NOW(6), DATE_SUB(NOW(6), INTERVAL 6 DAY)) RETURNING id")
make_due purge_exports
run_worker
is "$(wait_for "SELECT result_file FROM jobs WHERE id = $old_job" '')" '' \
    "export older than Storage.ExportDays forgets its file"
is "$([ -e "$storage/$old_file" ] && echo kept || echo deleted)" deleted \
    "export older than Storage.ExportDays is deleted"
is "$(sql "SELECT result_file FROM jobs WHERE id = $new_job")" "$new_file" \
    "newer export keeps its file"
is "$([ -e "$storage/$new_file" ] && echo kept || echo deleted)" kept \
    "newer export stays on disk"
rm -f "$storage/$new_file"

# ---------------------------------------------------------------- leases

cert_id=$(sql "INSERT INTO certificates (enrollment_id, completed_on, user_id, family_id, certification_id, number, number_text, verification_code, issued_at, issued_on) SELECT $later_id, completed_on, $uid, $fam2, $ver2, 1, 'W-1', LEFT(CONCAT(UPPER(HEX(RANDOM_BYTES(8))), '0000000000000000'), 16), NOW(6), CURDATE() FROM enrollments WHERE id = $later_id RETURNING id")
# A worker claimed this job and died: its lease ended a minute ago.
taken=$(sql "INSERT INTO jobs (kind, payload, state, attempts, run_after, lease_owner, lease_until, created_at) VALUES ('certificate_pdf', 'certificate=$cert_id', 'running', 1, NOW(6), 'gone:1', DATE_SUB(NOW(6), INTERVAL 1 MINUTE), NOW(6)) RETURNING id")
run_worker
is "$(wait_for "SELECT state FROM jobs WHERE id = $taken" done)" done \
    "job with an ended lease is taken over"
is "$(sql "SELECT attempts FROM jobs WHERE id = $taken")" 2 "takeover counts a second attempt"
pdf=$(sql "SELECT file_name FROM certificates WHERE id = $cert_id")
is "$(head -c 5 "$storage/$pdf" 2>/dev/null)" '%PDF-' "taken-over job wrote the PDF"

# The same, on its last attempt: it fails with the reason.
abandoned=$(sql "INSERT INTO jobs (kind, payload, state, attempts, max_attempts, run_after, lease_owner, lease_until, created_at) VALUES ('certificate_pdf', 'certificate=$cert_id', 'running', 3, 3, NOW(6), 'gone:2', DATE_SUB(NOW(6), INTERVAL 1 MINUTE), NOW(6)) RETURNING id")
make_due fail_abandoned_jobs
run_worker
is "$(wait_for "SELECT state FROM jobs WHERE id = $abandoned" failed)" failed \
    "job abandoned on its last attempt fails"
is "$(sql "SELECT last_error FROM jobs WHERE id = $abandoned")" \
    'The worker stopped during the last attempt. ' "abandoned job keeps the reason"

# A job that cannot run fails at once with its error.
bad=$(sql "INSERT INTO jobs (kind, payload, run_after, created_at) VALUES ('certificate_pdf', '', NOW(6), NOW(6)) RETURNING id")
run_worker
is "$(wait_for "SELECT state FROM jobs WHERE id = $bad" failed)" failed "job without a certificate fails"
is "$(sql "SELECT attempts, last_error FROM jobs WHERE id = $bad" | tr '\t' '|')" \
    '1|The job names no certificate.' "failed job keeps its error after one attempt"

# ---------------------------------------------------------------- SIGTERM

pidfile=$HTTP_TEST_DIR/extra-worker.pid
"$worker" -c "$LAUREL_TEST_CONFIG" -p "$pidfile" >>"$HTTP_TEST_DIR/extra.log" 2>&1 &
extra=$!
i=0
while [ ! -s "$pidfile" ] && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
is "$(cat "$pidfile" 2>/dev/null)" "$extra" "second worker writes its own pid file"
"$worker" -c "$LAUREL_TEST_CONFIG" -p "$pidfile" >"$HTTP_TEST_DIR/third.log" 2>&1
is "$?" 1 "a worker refuses a pid file in use"
like_text=$(cat "$HTTP_TEST_DIR/third.log")
case $like_text in
*"is locked by another running laurel-worker"*) tap_result 0 "refusal names the lock" ;;
*) tap_result 1 "refusal names the lock"; diag "$like_text" ;;
esac
kill -TERM "$extra"
wait "$extra"
is "$?" 0 "SIGTERM stops the worker with status 0"
is "$([ -e "$pidfile" ] && echo present || echo removed)" removed "stopped worker removes its pid file"
case $(cat "$HTTP_TEST_DIR/extra.log") in
*"INFO laurel-worker"*"stopped"*) tap_result 0 "worker logs that it stopped" ;;
*) tap_result 1 "worker logs that it stopped" ;;
esac

done_testing
