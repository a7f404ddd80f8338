# Sourced by the HTTP tests that need a stack of their own; srcdir names
# the source tree.

# private_stack_start NAME: starts a stack in a new folder
# ${TMPDIR:-/tmp}/NAME.XXXXXX, sets stack_dir and loads the stack's
# LAUREL_TEST_* variables.  A failed start prints what tests/stack printed
# as TAP comments and is tried once more in another folder, since two
# stacks starting at once can race for a loopback port or a slow
# machine can miss a start-up limit.  Bails out when both fail.
private_stack_start() {
	for _ps_try in 1 2; do
		stack_dir=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX") || exit 1
		rmdir "$stack_dir"
		if "$srcdir/tests/stack" start "$stack_dir" >"$stack_dir.log" 2>&1; then
			rm -f "$stack_dir.log"
			. "$stack_dir/env"
			return 0
		fi
		echo "# tests/stack start $stack_dir failed (try $_ps_try of 2):"
		sed 's/^/#   /' "$stack_dir.log"
		rm -f "$stack_dir.log"
		"$srcdir/tests/stack" stop "$stack_dir" --clean >/dev/null 2>&1 ||
			rm -rf "$stack_dir"
	done
	echo "Bail out! cannot start a private stack"
	exit 1
}
