#!/bin/sh
# Runs tests/fuzz/replay_csvread, which prints TAP, on the seed corpus
# of the CSV reader's fuzz target.  "make check" runs this script from the
# top build directory and sets srcdir.
exec tests/fuzz/replay_csvread "${srcdir:-.}/tests/fuzz/corpus/csvread"
