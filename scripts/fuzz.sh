#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan+UBSan) in build-fuzz/ and runs each of them.
#
#   scripts/fuzz.sh                 short run: every target for $FUZZ_SECONDS (default 20) s,
#                                   two at a time; exit status 1 when any target finds a crash
#   scripts/fuzz.sh --long [SECS]   long campaign: every target for SECS (default 3600) s,
#                                   $FUZZ_JOBS (default: nproc) at a time; the corpus grows in
#                                   build-fuzz/corpus/ and is kept between runs
#   scripts/fuzz.sh --target NAME [--long [SECS]]   one target only (e.g. fuzz_pipeline)
#   scripts/fuzz.sh --repro FILE --target NAME      runs one input (a crash) through a target
#
# Crashes land in build-fuzz/artifacts/<target>/ (crash-*, leak-*, timeout-*, oom-*) and are
# listed at the end. docs/robustness.md describes the targets and what was found.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${FUZZ_SECONDS:-20}"
jobs="${FUZZ_JOBS:-2}"
long=0
only=""
repro=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --long) long=1; seconds=3600; jobs="${FUZZ_JOBS:-$(nproc)}"
            if [[ "${2:-}" =~ ^[0-9]+$ ]]; then seconds="$2"; shift; fi ;;
    --target) only="$2"; shift ;;
    --repro) repro="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

cxx="${FUZZ_CXX:-clang++-14}"
if ! command -v "$cxx" >/dev/null; then
  echo "fuzz.sh: $cxx not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 2
fi
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DARSVERK_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" --target fuzz_all -j "$(nproc)" >/dev/null

# target → seed directory, dictionary, bad-file patterns added to its corpus, max input length
declare -A seed=( [fuzz_csv_tokenizer]=csv_tokenizer [fuzz_reader_csv]=reader_csv
                  [fuzz_reader_ssb]=reader_ssb [fuzz_reader_arsverk]=reader_arsverk
                  [fuzz_jsonstat]=jsonstat [fuzz_pipeline]=pipeline [fuzz_xlsx]=xlsx )
declare -A dict=( [fuzz_csv_tokenizer]=csv [fuzz_reader_csv]=csv [fuzz_reader_ssb]=ssb
                  [fuzz_reader_arsverk]=arsverk [fuzz_jsonstat]=jsonstat [fuzz_pipeline]=all
                  [fuzz_xlsx]=xlsx )
declare -A bad=( [fuzz_reader_csv]='*.csv *.tsv *.txt *.bin *.pdf *.png *.zip *.xlsx'
                 [fuzz_jsonstat]='*.json' [fuzz_pipeline]='*' )
targets=(fuzz_csv_tokenizer fuzz_reader_csv fuzz_reader_ssb fuzz_reader_arsverk fuzz_jsonstat fuzz_pipeline fuzz_xlsx)
if [[ -n "$only" ]]; then
  [[ -n "${seed[$only]:-}" ]] || { echo "unknown target $only (one of: ${targets[*]})" >&2; exit 2; }
  targets=("$only")
fi

if [[ -n "$repro" ]]; then
  exec "$build/fuzz/${targets[0]}" -runs=1 "$repro"
fi

cat "$root"/fuzz/dict/*.dict > "$build/all.dict"
printf 'file_sep="\\x0a--8<--\\x0a"\n' >> "$build/all.dict"

# Committed regression inputs (fuzz/regressions/<target>/) run first: a fixed crash stays fixed.
status=0
for t in "${targets[@]}"; do
  reg="$root/fuzz/regressions/${t#fuzz_}"
  if compgen -G "$reg/*" >/dev/null; then
    if ! "$build/fuzz/$t" -runs=1 "$reg"/* >"$build/$t.regressions.log" 2>&1; then
      echo "REGRESSION: $t fails on an input in $reg (log: $build/$t.regressions.log)"
      status=1
    fi
  fi
done

run_one() {
  local t="$1" corpus="$build/corpus/${1#fuzz_}" art="$build/artifacts/$1"
  mkdir -p "$corpus" "$art"
  local extra=()
  if [[ -n "${bad[$t]:-}" ]]; then
    local d="$build/bad-seeds/${t#fuzz_}"
    rm -rf "$d"; mkdir -p "$d"
    (cd "$root/tests/data/bad" && for p in ${bad[$t]}; do for f in $p; do
       [[ -f "$f" && "$f" != manifest.json && $(stat -c %s "$f") -le 65536 ]] && cp "$f" "$d/"; done; done) || true
    extra+=("$d")
  fi
  local dictfile="$root/fuzz/dict/${dict[$t]}.dict"
  [[ "${dict[$t]}" == all ]] && dictfile="$build/all.dict"
  local maxlen=16384
  [[ $long == 1 ]] && maxlen=65536
  "$build/fuzz/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len="$maxlen" \
    -dict="$dictfile" -artifact_prefix="$art/" -print_final_stats=1 \
    "$corpus" "$root/fuzz/seeds/${seed[$t]}" "${extra[@]}" >"$build/$t.log" 2>&1
}

echo "fuzz.sh: ${#targets[@]} target(s), ${seconds}s each, $jobs at a time (logs: $build/<target>.log)"
pids=(); names=()
for t in "${targets[@]}"; do
  run_one "$t" & pids+=($!); names+=("$t")
  while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do wait -n || true; done
done
for i in "${!pids[@]}"; do
  t="${names[$i]}"
  if wait "${pids[$i]}"; then rc=0; else rc=$?; fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/$t.log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$build/$t.log" | tail -1 || true)
  if [[ $rc -ne 0 ]]; then
    echo "FAIL $t (exit $rc): $(grep -m1 -E 'ERROR|INVARIANT|runtime error' "$build/$t.log" || true)"
    ls "$build/artifacts/$t" 2>/dev/null | sed 's/^/    artifact: /'
    status=1
  else
    echo "ok   $t: $execs executions, $cov"
  fi
done
exit $status
