# The browser tests: headless Chromium through playwright-core, with
# axe-core and the Nu Html Checker on every page visited; included from
# Makefile.am.  script/bootstrap installs the npm packages of
# tests/e2e/package.json into tests/e2e/node_modules.
TESTS += tests/e2e/run.sh
EXTRA_DIST += tests/e2e/run.sh tests/e2e/lib.mjs \
	tests/e2e/admin-procedures.mjs tests/e2e/package.json \
	tests/e2e/package-lock.json

clean-local: clean-e2e
clean-e2e:
	rm -rf tests/e2e/out
.PHONY: clean-e2e

# pagecache.sh counts cache hits, and report.sh pauses the shared worker
# and locks tables: the browser test's writes and jobs would disturb both,
# so it starts after them.  The other tests run beside it.
tests/e2e/run.log: tests/http/pagecache.log tests/http/report.log
