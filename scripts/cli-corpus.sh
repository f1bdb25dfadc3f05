#!/usr/bin/env bash
# Runs the CLI over every test file and example (one at a time, the examples together, --demo) in
# every format and language, saving stdout, stderr and exit status per run into OUT_DIR: compare
# two such directories with `diff -r` to prove a change leaves the output byte-identical.
# Usage: scripts/cli-corpus.sh OUT_DIR [BINARY]   (from the repository root)
set -u
out=${1:?usage: scripts/cli-corpus.sh OUT_DIR [BINARY]}
bin=${2:-build/bin/arsverk}
mkdir -p "$out"
run() {  # name, args...
  local name=$1; shift
  for format in table json csv; do
    for lang in nb en; do
      local base="$out/$name.$format.$lang"
      "$bin" "$@" --format "$format" --lang "$lang" >"$base.out" 2>"$base.err"
      echo $? >"$base.rc"
    done
  done
}
while IFS= read -r -d '' f; do
  run "$(echo "$f" | tr '/' '_')" "$f"
done < <(find tests/data data/example -type f ! -name '*.md' ! -name '*.json.license' -print0 | sort -z)
run demo --demo
run examples data/example/*.csv
