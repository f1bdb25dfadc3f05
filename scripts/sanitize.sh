#!/usr/bin/env bash
# Builds the native suite (core, CLI, tests/core) with AddressSanitizer and
# UndefinedBehaviorSanitizer (ARSVERK_SANITIZE=ON) in build-asan/ and runs ctest. Any sanitizer
# report stops the test that triggered it and fails the run.
#   scripts/sanitize.sh            build + run everything
#   scripts/sanitize.sh -R bad     pass extra arguments to ctest (here: only matching tests)
# CXX picks the compiler (default: the system c++; clang++-14 works too).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SANITIZE_BUILD_DIR:-$root/build-asan}"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -DARSVERK_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target core_tests arsverk >/dev/null

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
cd "$build"
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
