#!/bin/sh
# Runs the browser tests (admin-procedures.mjs) against the test stack and
# prints their TAP.  Creates the users they sign in as with laurelctl.
# script/bootstrap installs Node.js, Chromium, Java and the npm packages
# of package.json; without them the test bails out.
#
# LAUREL_E2E_DOCS_IMAGES=yes also copies the screenshots to docs/images/
# of the source tree, for the administrator guide.
set -u

here=$(cd "$(dirname "$0")" && pwd) || exit 1
if [ -z "${LAUREL_TEST_URL:-}" ] || [ -z "${LAUREL_TEST_CONFIG:-}" ]; then
	echo "Bail out! LAUREL_TEST_URL is not set: run this test through tests/with-stack or script/test"
	exit 1
fi
srcdir=${LAUREL_SRCDIR:-$(dirname "$(dirname "$here")")}
LAUREL_BUILDDIR=${LAUREL_BUILDDIR:-$srcdir}
export LAUREL_BUILDDIR

for tool in node java pdftotext "${LAUREL_E2E_CHROMIUM:-/usr/bin/chromium}"; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "Bail out! $tool is missing: run script/bootstrap"
		exit 1
	fi
done
if [ ! -d "$here/node_modules/playwright-core" ]; then
	echo "Bail out! $here/node_modules is missing: run script/bootstrap"
	exit 1
fi

out=$LAUREL_BUILDDIR/tests/e2e/out
rm -rf "$out"
mkdir -p "$out" || exit 1

tag=E2E$$$(date +%s | tail -c 5)
password="e2e pass $tag"
printf '%s\n' "$password" >"$out/password"
add_user() {
	"$LAUREL_BUILDDIR/cli/laurelctl" -c "$LAUREL_TEST_CONFIG" user add \
	    --login "$1" --role "$2" --password-file "$out/password" \
	    --first-name "$3" --last-name "$4" --email "$1@example.com" >/dev/null ||
		{ echo "Bail out! cannot create user $1"; exit 1; }
}
lower=$(printf '%s' "$tag" | tr 'A-Z' 'a-z')
# The Auto Enroll learner's name has non-ASCII letters, which the
# certificate PDF and the CSV export must keep.
auto_first=Zoë
auto_last=Ångström
add_user "$lower-admin" admin Ada Admin
add_user "$lower-auto" learner "$auto_first" "$auto_last"
add_user "$lower-manual" learner Manuel Office
rm -f "$out/password"

docs_images=
case ${LAUREL_E2E_DOCS_IMAGES:-} in
yes | 1) docs_images=$srcdir/docs/images ;;
esac

E2E_TAG=$tag E2E_PASSWORD=$password E2E_ADMIN=$lower-admin \
    E2E_AUTO=$lower-auto E2E_AUTO_NAME="$auto_first $auto_last" \
    E2E_MANUAL=$lower-manual \
    LAUREL_E2E_OUT=$out LAUREL_E2E_DOCS_IMAGES=$docs_images \
    exec node "$here/admin-procedures.mjs"
