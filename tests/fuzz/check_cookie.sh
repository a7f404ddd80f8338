#!/bin/sh
# Runs tests/fuzz/replay_cookie, which prints TAP, on the seed corpus
# of the cookie fuzz target.  "make check" runs this script from the top
# build directory and sets srcdir.
exec tests/fuzz/replay_cookie "${srcdir:-.}/tests/fuzz/corpus/cookie"
