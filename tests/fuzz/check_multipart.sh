#!/bin/sh
# Runs tests/fuzz/replay_multipart, which prints TAP, on the seed corpus
# of the multipart fuzz target.  "make check" runs this script from the top
# build directory and sets srcdir.
exec tests/fuzz/replay_multipart "${srcdir:-.}/tests/fuzz/corpus/multipart"
