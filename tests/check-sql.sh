#!/bin/sh
# Fails when SQL could be built from anything but a string literal: only
# lib/db.c may call the client library's query functions, and only the
# db_exec/db_query/db_stream macros (which accept nothing but a literal)
# may reach db_exec_, db_query_ and db_stream_.  Also keeps SQL out of fcgi/, worker/ and cli/.
srcdir=${LAUREL_SRCDIR:-$(dirname "$0")/..}
n=0
fail=0

check() {
	n=$((n + 1))
	if [ -z "$2" ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		printf '%s\n' "$2" | sed 's/^/#   /'
		fail=1
	fi
}

cd "$srcdir" || exit 1
src=$(ls lib/*.c fcgi/*.c cli/*.c worker/*.c 2>/dev/null)

check "client query calls only in lib/db.c" \
	"$(grep -nE 'mysql_(real_)?query|mysql_stmt_prepare|mysql_send_query' $src | grep -v '^lib/db\.c:')"
check "db_exec_, db_query_ and db_stream_ only through their macros" \
	"$(grep -nE '\bdb_(exec|query|stream)_\(' $src | grep -v '^lib/db\.c:')"
check "no MariaDB header outside lib/" \
	"$(grep -nE '#include <(mysql|mysqld_error|errmsg)\.h>' $src | grep -v '^lib/')"
check "no ClearSilver outside fcgi/view.c" \
	"$(grep -nE '#include <ClearSilver' $src | grep -v '^fcgi/view\.c:')"
check "no sprintf-built SQL" \
	"$(grep -nE 'printf\([^)]*"[^"]*(SELECT|INSERT|UPDATE|DELETE) ' $src)"

echo "1..$n"
exit $fail
