#!/bin/sh
# Runs tests/fuzz/replay_urlencoded, which prints TAP, on the seed corpus
# of the urlencoded fuzz target.  "make check" runs this script from the top
# build directory and sets srcdir.
exec tests/fuzz/replay_urlencoded "${srcdir:-.}/tests/fuzz/corpus/urlencoded"
