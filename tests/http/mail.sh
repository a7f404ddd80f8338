#!/bin/sh
# Mail delivery: laurel-worker sends the outbox to an SMTP server
# (tests/smtp-sink), retries after a temporary failure, fails a message
# the server rejects, and the Outbox page shows each outcome and offers
# Retry now.
#
# The test starts a stack of its own with Mail.Relay set, because a
# delivering worker on a shared stack would also send the messages that
# other tests queue and check.
set -u

here=$(cd "$(dirname "$0")" && pwd) || exit 1
srcdir=${LAUREL_SRCDIR:-$(dirname "$(dirname "$here")")}
# shellcheck source=script/services.sh
. "$srcdir/script/services.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/laurel-mail.XXXXXX") || {
	echo "Bail out! mktemp failed"
	exit 1
}
mail_dir=$work/received
sink_pid=
worker2_pid=
sink_port=

# Stops what this test started, each by its pid, and deletes its folder.
stop_all() {
	if [ -n "$worker2_pid" ]; then
		laurel_stop_process "$worker2_pid" TERM laurel-worker 30
	fi
	if [ -n "$sink_pid" ]; then
		laurel_stop_process "$sink_pid" TERM python3 10
	fi
	if [ -f "$work/stack/.laurel-test-stack" ]; then
		"$srcdir/tests/stack" stop "$work/stack" --clean >&2
	fi
	rm -rf -- "$work"
}

# Starts tests/smtp-sink on a free port, reading its rules from
# $work/rules, and waits until it prints its port.
start_sink() {
	python3 "$srcdir/tests/smtp-sink" --dir "$mail_dir" \
	    --control "$work/rules" >"$work/sink.out" 2>"$work/sink.err" &
	sink_pid=$!
	_ss_tries=0
	while [ ! -s "$work/sink.out" ]; do
		if [ "$_ss_tries" -ge 100 ] || ! kill -0 "$sink_pid" 2>/dev/null; then
			cat "$work/sink.err" >&2
			return 1
		fi
		sleep 0.1
		_ss_tries=$((_ss_tries + 1))
	done
	sink_port=$(head -n 1 "$work/sink.out")
}

stop_sink() {
	laurel_stop_process "$sink_pid" TERM python3 10
	sink_pid=
}

# set_rules [RULE]: makes the sink accept everything, or apply RULE
# ("reject-rcpt CODE" or "reject-data CODE") from its next message on.
set_rules() {
	printf '%s\n' "${1:-}" >"$work/rules.tmp" &&
		mv -f "$work/rules.tmp" "$work/rules"
}

trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------- not configured
# The stack of tests/with-stack or script/test sends no mail.
. "$here/lib.sh"
. "$here/user.sh"
# lib.sh set its own EXIT trap; this one calls it too.
trap 'http_cleanup; stop_all' EXIT

tag=$(unique_name m | tr -d - | tr 'A-Z' 'a-z')
admin=$(unique_name madmin)
add_user "$admin" admin 'admin pass 123'
use_cookie_jar plain
sign_in "$admin" 'admin pass 123'
sql "INSERT INTO mail_outbox (recipient, subject, body, kind, dedupe_key,
    created_at) VALUES ('plain$tag@example.org', 'Waiting', '', 'test',
    'plain-$tag', UTC_TIMESTAMP(6))"
request GET "/admin/outbox?q=plain$tag"
like "Mail delivery is not configured" "outbox says delivery is off"
like "Not sent: delivery not configured" "queued message says why it waits"

mkdir -p "$mail_dir" || exit 1
set_rules
if ! start_sink; then
	echo "Bail out! tests/smtp-sink did not start"
	exit 1
fi
# The back-off is an hour, so no retry happens by itself during the test:
# the test moves next_attempt_at when it wants the next attempt.
if ! LAUREL_STACK_MAIL_RELAY="smtp://127.0.0.1:$sink_port/laurel.test" \
    LAUREL_STACK_MAIL_RETRY_SECONDS=3600 \
    "$srcdir/tests/stack" start "$work/stack" >&2; then
	echo "Bail out! the test stack failed to start"
	exit 1
fi
# shellcheck source=/dev/null
. "$work/stack/env"

add_user "$admin" admin 'admin pass 123'
use_cookie_jar admin
sign_in "$admin" 'admin pass 123'

# hex TEXT: prints TEXT as hexadecimal digits, for SQL X'' literals that
# reach the database byte for byte whatever the client's character set.
hex() {
	printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'
}

# queue RECIPIENT SUBJECT BODY: inserts a queued message; prints its id.
queue() {
	sql "INSERT INTO mail_outbox (recipient, subject, body, kind,
	    dedupe_key, created_at) VALUES (CONVERT(X'$(hex "$1")' USING utf8mb4),
	    CONVERT(X'$(hex "$2")' USING utf8mb4),
	    CONVERT(X'$(hex "$3")' USING utf8mb4), 'test',
	    CONCAT('mail-test-', UUID()), UTC_TIMESTAMP(6));
	    SELECT LAST_INSERT_ID()"
}

# wait_for QUERY EXPECTED: waits up to 30 s until QUERY prints EXPECTED.
# Passes (returns 0) as soon as it does.
wait_for() {
	_wf_tries=0
	while [ "$_wf_tries" -lt 300 ]; do
		[ "$(sql "$1")" = "$2" ] && return 0
		sleep 0.1
		_wf_tries=$((_wf_tries + 1))
	done
	return 1
}

# eml_for ADDRESS: prints the files received for ADDRESS, one per line.
eml_for() {
	grep -F " to <$1>" "$work/sink.out" |
		sed 's/.*received \([0-9]*\.eml\) .*/\1/'
}

# field FILE NAME: prints a part of a received message, decoded: a header
# (To, From, Subject, Bcc, Content-Type, Message-ID, Date), the body, or
# "lines", which is "ok" when every line ends in CRLF and has at most 998
# characters.
field() {
	PYTHONIOENCODING=utf-8 python3 - "$mail_dir/$1" "$2" <<'EOF'
import email
import email.policy
import sys

path, name = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
if name == "lines":
    lines = raw.split(b"\r\n")
    bare = any(b"\n" in line or b"\r" in line for line in lines)
    long_ = any(len(line) > 998 for line in lines)
    print("bad" if bare or long_ or lines[-1] != b"" else "ok")
    sys.exit(0)
message = email.message_from_bytes(raw, policy=email.policy.default)
if name == "body":
    sys.stdout.write(message.get_content().replace("\r\n", "\n"))
else:
    value = message[name]
    print("" if value is None else str(value))
EOF
}

# ---------------------------------------------------------------- delivery
subject='Zertifikat erhalten: Übung für Fortgeschrittene – Sicherheit ✓ 日本語のテキスト'
body=$(printf 'Hallo Jürgen,\n\ndeine Zertifizierung ist abgeschlossen.\n.\n..zwei Punkte\nA=B am Zeilenende \n%s\nEnde' \
    "$(printf '%0200d' 0)")
to="first$tag@example.org"
id=$(queue "$to" "$subject" "$body")
wait_for "SELECT status FROM mail_outbox WHERE id = $id" sent
tap_result $? "message sent"
files=$(eml_for "$to")
is "$(printf '%s\n' "$files" | grep -c .)" 1 "one copy received"
file=$(printf '%s\n' "$files" | head -n 1)
is "$(field "$file" To)" "$to" "To header"
is "$(field "$file" From)" "Laurel Tests <laurel@example.org>" "From header"
is "$(field "$file" Subject)" "$subject" "non-ASCII subject byte for byte"
is "$(field "$file" body)" "$body" "body text byte for byte"
is "$(field "$file" lines)" ok "CRLF line ends, lines at most 998"
is "$(field "$file" Content-Type)" "text/plain; charset=\"UTF-8\"" \
    "plain text in UTF-8"
like_mid=$(field "$file" Message-ID)
case $like_mid in
"<laurel.$id."*"@example.org>") r=0 ;;
*) r=1 ;;
esac
tap_result $r "Message-ID names the message" || diag "got '$like_mid'"
[ -n "$(field "$file" Date)" ]
tap_result $? "Date header present"
grep -q 'greeted by EHLO laurel.test' "$work/sink.err"
tap_result $? "EHLO sends the URL's host name"
is "$(sql "SELECT attempts, sent_at IS NOT NULL, last_error FROM mail_outbox WHERE id = $id")" \
    "$(printf '1\t1\t')" "one attempt, sent_at set"
sent_at=$(sql "SELECT LEFT(sent_at, 19) FROM mail_outbox WHERE id = $id")
request GET "/admin/outbox?q=first$tag"
is "$STATUS" 200 "outbox opens"
like '<span class="badge badge-completed">Sent</span>' "outbox shows Sent"
like "Sent $sent_at" "outbox shows when it was sent"
unlike "Mail delivery is not configured" "no note when a relay is set"

# ------------------------------------------------------- header injection
to="inject$tag@example.org"
id=$(queue "$to" "$(printf 'Hello\r\nBcc: eve%s@example.org' "$tag")" "Hi")
wait_for "SELECT status FROM mail_outbox WHERE id = $id" sent
tap_result $? "message with CR LF in subject sent"
file=$(eml_for "$to" | head -n 1)
is "$(field "$file" Bcc)" "" "CR LF in subject adds no header"
is "$(field "$file" Subject)" "Hello  Bcc: eve$tag@example.org" \
    "CR LF in subject became spaces"
is "$(eml_for "eve$tag@example.org")" "" "nothing sent to the injected address"

id=$(queue "$(printf 'bad%s@example.org\r\nBcc: eve%s@example.org' "$tag" "$tag")" \
    "Bad address" "Hi")
wait_for "SELECT status, attempts FROM mail_outbox WHERE id = $id" \
    "$(printf 'failed\t1')"
tap_result $? "invalid recipient fails at once"
like_err=$(sql "SELECT last_error FROM mail_outbox WHERE id = $id")
case $like_err in
*"recipient address is not valid"*) r=0 ;;
*) r=1 ;;
esac
tap_result $r "invalid recipient explained" || diag "got '$like_err'"

# ------------------------------------------------------ temporary failure
set_rules "reject-rcpt 451"
to="later$tag@example.org"
id=$(queue "$to" "Try again later" "Body")
wait_for "SELECT status, attempts FROM mail_outbox WHERE id = $id" \
    "$(printf 'queued\t1')"
tap_result $? "4xx leaves the message queued after 1 attempt"
like_err=$(sql "SELECT last_error FROM mail_outbox WHERE id = $id")
case $like_err in
*451*"4.3.0 Temporary failure"*) r=0 ;;
*) r=1 ;;
esac
tap_result $r "4xx error keeps the code and the reply" || diag "got '$like_err'"
is "$(sql "SELECT next_attempt_at > UTC_TIMESTAMP() + INTERVAL 50 MINUTE
    FROM mail_outbox WHERE id = $id")" 1 "next attempt after the back-off"
request GET "/admin/outbox?q=later$tag"
like "451 4.3.0 Temporary failure" "outbox shows the 4xx error"
like "Next attempt $(sql "SELECT LEFT(next_attempt_at, 19) FROM mail_outbox WHERE id = $id")" \
    "outbox shows the next attempt"
like '<td class="num">1</td>' "outbox shows 1 attempt"
is "$(eml_for "$to")" "" "nothing received during the 4xx"

set_rules
sql "UPDATE mail_outbox SET next_attempt_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = $id"
wait_for "SELECT status, attempts FROM mail_outbox WHERE id = $id" \
    "$(printf 'sent\t2')"
tap_result $? "sent on the second attempt after the back-off"
is "$(eml_for "$to" | grep -c .)" 1 "one copy received after the retry"

# ------------------------------------------------------ permanent failure
set_rules "reject-rcpt 550"
to="never$tag@example.org"
id=$(queue "$to" "Rejected" "Body")
wait_for "SELECT status, attempts FROM mail_outbox WHERE id = $id" \
    "$(printf 'failed\t1')"
tap_result $? "5xx fails the message at once"
like_err=$(sql "SELECT last_error FROM mail_outbox WHERE id = $id")
case $like_err in
*550*"5.7.1 Rejected"*) r=0 ;;
*) r=1 ;;
esac
tap_result $r "5xx error keeps the code and the reply" || diag "got '$like_err'"
request GET "/admin/outbox?q=never$tag"
like '<span class="badge badge-failed">Failed</span>' "outbox shows Failed"
like "550 5.7.1 Rejected" "outbox shows the 5xx error"
like "action=\"/admin/outbox/$id/retry\"" "outbox offers Retry now"
csrf=$(extract_csrf)

set_rules "reject-data 554"
to="content$tag@example.org"
id2=$(queue "$to" "Rejected content" "Body")
wait_for "SELECT status, attempts FROM mail_outbox WHERE id = $id2" \
    "$(printf 'failed\t1')"
tap_result $? "5xx after DATA fails the message"

# --------------------------------------------------------------- retry now
set_rules
request POST "/admin/outbox/$id/retry" --data-urlencode "csrf=$csrf"
is "$STATUS" 303 "Retry now redirects"
wait_for "SELECT status, attempts FROM mail_outbox WHERE id = $id" \
    "$(printf 'sent\t1')"
tap_result $? "Retry now queues the message and it is sent"
is "$(eml_for "never$tag@example.org" | grep -c .)" 1 "retried message received"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'mail_retry' AND target_type = 'mail' AND target_id = $id")" \
    1 "Retry now writes an audit row"
request GET "/admin/outbox?q=never$tag"
like "Message queued again." "Retry now confirms"
request POST "/admin/outbox/$id/retry" --data-urlencode "csrf=$csrf"
is "$STATUS" 409 "Retry now on a sent message is refused"
request POST "/admin/outbox/999999999/retry" --data-urlencode "csrf=$csrf"
is "$STATUS" 404 "Retry now on an unknown message"
request POST "/admin/outbox/$id2/retry"
is "$STATUS" 403 "Retry now without the CSRF token"

# ------------------------------------------------------------- two workers
"$LAUREL_BUILDDIR/worker/laurel-worker" -c "$LAUREL_TEST_CONFIG" \
    -p "$work/worker2.pid" >>"$work/worker2.log" 2>&1 &
worker2_pid=$!
values=
i=1
while [ "$i" -le 60 ]; do
	values="$values${values:+,}('many$i-$tag@example.org', 'Many $i', 'Body $i', 'test', 'many-$tag-$i', UTC_TIMESTAMP(6))"
	i=$((i + 1))
done
sql "INSERT INTO mail_outbox (recipient, subject, body, kind, dedupe_key, created_at) VALUES $values"
wait_for "SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'many%-$tag@example.org' AND status = 'sent'" 60
tap_result $? "two workers send all 60 messages"
received=$(grep -o "to <many[0-9]*-$tag@example.org>" "$work/sink.out" | sort)
is "$(printf '%s\n' "$received" | grep -c .)" 60 "60 messages received"
is "$(printf '%s\n' "$received" | uniq -d)" "" "no message received twice"
diag "the second worker sent $(grep -c ': sent$' "$work/worker2.log") messages"

# ------------------------------------------------------------- relay down
stop_sink
to="down$tag@example.org"
id=$(queue "$to" "Relay down" "Body")
wait_for "SELECT status, attempts FROM mail_outbox WHERE id = $id" \
    "$(printf 'queued\t1')"
tap_result $? "relay down leaves the message queued"
like_err=$(sql "SELECT last_error FROM mail_outbox WHERE id = $id")
case $like_err in
*"connect to 127.0.0.1 port $sink_port"*) r=0 ;;
*) r=1 ;;
esac
tap_result $r "error names the connection failure" || diag "got '$like_err'"
request GET "/admin/outbox?q=down$tag"
like "port $sink_port" "outbox shows the connection failure"

done_testing
