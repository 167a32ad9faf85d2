#!/usr/bin/env bash
# Tessera developer entry point: ./dev.sh demo | test | test-asan | test-tsan | build | bench | fuzz | deps | format
# Installs missing Debian packages (apt), configures with CMake + Ninja, builds, runs.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
BUILD_DIR=${TESSERA_BUILD_DIR:-$ROOT/build}
BUILD_TYPE=${TESSERA_BUILD_TYPE:-RelWithDebInfo}

# Build, test and run-time packages (Debian 12). Keep in sync with docs/DEVELOPING.md.
PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libgl-dev libqcustomplot-dev
  libopenslide-dev openslide-tools libtiff-dev libjpeg62-turbo-dev libgdcm-dev libopenjp2-7-dev libcharls-dev libgloo-dev libhdf5-dev libopencv-dev libsqlite3-dev
  libtorch-dev libopenblas0-pthread libopenblas0-openmp # Tessera runs the OpenMP build (RuntimeEnvironment)
  xvfb xauth imagemagick poppler-utils # poppler: the report tests read the PDFs back
  python3 python3-openslide python3-h5py python3-numpy
  python3-torch # tst_fidelity runs the PyTorch transcription of the published SR-MIL
)

# Only the benchmarks' Python references need this (large): installed by ./dev.sh bench.
BENCH_PACKAGES=(python3-torchvision)

log() { printf '\033[1;34m[dev.sh]\033[0m %s\n' "$*" >&2; }

# Stage times: each stage logs its wall and CPU seconds (user+sys of everything it ran), and
# appends them to $TESSERA_STAGE_LOG when set (.ci/run prints that table at its end).
stage_start() {
  STAGE_T0=$SECONDS
  STAGE_CPU0=$(children_cpu_seconds)
}
stage_end() {
  local name=$1 extra=${2:-}
  local wall=$((SECONDS - STAGE_T0)) cpu
  cpu=$(($(children_cpu_seconds) - STAGE_CPU0))
  local line
  line=$(printf '%-16s %6d s wall %7d s CPU  %s' "$name" "$wall" "$cpu" "$extra")
  log "stage: $line"
  [ -n "${TESSERA_STAGE_LOG:-}" ] && echo "$line" >>"$TESSERA_STAGE_LOG"
  return 0
}
# User+system seconds of this shell's finished child processes and all they waited for (from
# /proc, since `times` in a command substitution would report the substitution's own children).
children_cpu_seconds() {
  awk -v tick="$(getconf CLK_TCK)" '{ printf "%d\n", ($16 + $17) / tick }' "/proc/$$/stat"
}

# ccache: a larger cache than its 5 GB default holds the normal and the sanitizer build, with
# their precompiled headers. Hits and misses of one build are printed after it.
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-20G}
ccache_counts() {
  command -v ccache >/dev/null || { echo "0 0"; return 0; }
  ccache --print-stats 2>/dev/null | awk '
    $1 == "direct_cache_hit" || $1 == "preprocessed_cache_hit" { hits += $2 }
    $1 == "cache_miss" { misses += $2 }
    END { printf "%d %d\n", hits, misses }'
}
ccache_summary() {
  local before=($1) after
  read -r -a after <<<"$(ccache_counts)"
  local hits=$((after[0] - before[0])) misses=$((after[1] - before[1]))
  local total=$((hits + misses))
  if [ "$total" -eq 0 ]; then
    echo "ccache: nothing compiled"
  else
    echo "ccache: $hits hits, $misses misses ($((100 * hits / total)) % hit rate)"
  fi
}

ensure_deps() {
  local wanted=("${PACKAGES[@]}" "$@")
  local missing=()
  local status
  # One dpkg-query for all packages: "name status" lines for those it knows.
  status=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${wanted[@]}" 2>/dev/null || true)
  for p in "${wanted[@]}"; do
    grep -q "^$p ii" <<<"$status" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  log "installing ${#missing[@]} missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "not root and no sudo: install these yourself: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure() {
  local extra=()
  [ "${CI:-}" = "true" ] && extra+=(-DTESSERA_WERROR=ON -DTESSERA_DEBUG_LINES_ONLY=ON)
  if [ ! -f "$BUILD_DIR/build.ninja" ] || [ -n "${TESSERA_CMAKE_ARGS:-}" ] || [ ${#extra[@]} -gt 0 ]; then
    # shellcheck disable=SC2086
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${extra[@]}" ${TESSERA_CMAKE_ARGS:-}
  fi
}

build() {
  stage_start
  ensure_deps
  stage_end "${STAGE_PREFIX:-}apt"
  stage_start
  configure
  local before
  before=$(ccache_counts)
  cmake --build "$BUILD_DIR" --parallel "$(nproc)"
  local summary
  summary=$(ccache_summary "$before")
  log "$summary"
  stage_end "${STAGE_PREFIX:-}build" "$summary"
}

run_env() {
  # Measured traps (shared/BUILD-NOTES.md): libgomp + OpenBLAS oversubscribe without this.
  export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}
  export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/tessera-runtime-$(id -u)}
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
}

cmd_test() {
  build
  run_env
  export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
  stage_start
  local status=0
  (cd "$BUILD_DIR" && ctest --output-on-failure --parallel "$(nproc)" --timeout 900 "$@") || status=$?
  stage_end "suite"
  return $status
}

# The whole suite under AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer, in its own
# build folder (build-asan/, -O1 -g1). Fails on a failed test and on any sanitizer report, also one
# from a program a test started (the reports are files in build-asan/sanitizer-reports/).
cmd_test_asan() {
  BUILD_DIR=${TESSERA_ASAN_DIR:-$ROOT/build-asan}
  TESSERA_CMAKE_ARGS="-DTESSERA_SANITIZE=ON -DTESSERA_BUILD_BENCH=OFF ${TESSERA_CMAKE_ARGS:-}"
  STAGE_PREFIX=asan- build
  run_env
  export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
  # Fewer kills and cancellations than the normal suite: under ASan they look for memory errors,
  # which the first rounds reach; the normal suite searches wider.
  export TESSERA_KILL_SEEDS=${TESSERA_KILL_SEEDS:-1} TESSERA_CANCEL_REQUESTS=${TESSERA_CANCEL_REQUESTS:-300}
  local reports="$BUILD_DIR/sanitizer-reports"
  rm -rf "$reports" && mkdir -p "$reports"
  local status=0
  stage_start
  # tst_layering only compiles include probes, which the normal suite already did: nothing runs
  # there for the sanitizers to check.
  (cd "$BUILD_DIR" && ctest --output-on-failure --parallel "$(nproc)" --timeout 2700 -E '^tst_layering$' "$@") ||
    status=$?
  stage_end "asan-suite"
  # allocator_may_return_null=1 logs each refused absurd allocation (libhdf5 on a damaged bag, a
  # refused read in production): those lines alone are no report.
  local report
  for report in "$reports"/*; do
    [ -f "$report" ] && grep -qv 'WARNING: AddressSanitizer failed to allocate' "$report" || continue
    log "sanitizer report: $report"
    head -n 60 "$report" >&2
    status=1
  done
  return $status
}

# ThreadSanitizer over the concurrent parts: the tile loader, the job queue (tst_project), the
# extraction pipeline (tst_cli_extract runs a TSan tessera-cli) and analyses under load
# (tst_faults_cancel). Only what those tests need is built (build-tsan/). One torch thread: LibTorch
# and libgomp are not instrumented, and their OpenMP pool would only report noise.
cmd_test_tsan() {
  BUILD_DIR=${TESSERA_TSAN_DIR:-$ROOT/build-tsan}
  TESSERA_CMAKE_ARGS="-DTESSERA_TSAN=ON -DTESSERA_BUILD_BENCH=OFF ${TESSERA_CMAKE_ARGS:-}"
  ensure_deps
  configure
  local tests=(tst_tileloader tst_project tst_cli_extract tst_faults_cancel)
  cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target "${tests[@]}" tessera-cli project_writer tessera-hdf5-check tessera-dicom-check
  run_env
  # 100 cancelled analyses instead of 1000: TSan runs 5–15 times slower.
  export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} OMP_NUM_THREADS=1 TESSERA_CANCEL_REQUESTS=${TESSERA_CANCEL_REQUESTS:-100}
  export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$ROOT/tests/tsan.supp}
  (cd "$BUILD_DIR" && ctest --output-on-failure --timeout 2700 -R "^($(IFS='|'; echo "${tests[*]}"))\$" "$@")
}

cmd_demo() {
  build
  run_env
  local data=${TESSERA_DEMO_DIR:-$ROOT/demo-data}
  # Synthetic slides -> handcrafted features -> a short SR-MIL training -> predictions.
  # Everything already made is reused, so a second run starts the viewer at once.
  log "demo project in $data (first run: about two minutes on two cores)"
  "$BUILD_DIR/app/tessera-cli" demo-data --out "$data"
  # demo-07 is a validation slide: the model never saw its label.
  local slide="$data/slides/demo-07-tumour.tiff"
  local viewer=("$BUILD_DIR/app/tessera" --project "$data" --run "$data/runs/demo-srmil" "$slide")
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    log "opening the viewer with the attention and consistency maps (Analysis panel)"
    exec "${viewer[@]}"
  else
    log "no display: running the viewer under Xvfb and saving a screenshot to $data/demo-screenshot.png"
    xvfb-run -a -s "-screen 0 1600x1000x24" "${viewer[@]}" --screenshot "$data/demo-screenshot.png"
    log "screenshot: $data/demo-screenshot.png"
  fi
}

cmd_bench() {
  # Benchmarks get their own optimized build, so numbers never come from a debug build.
  BUILD_DIR=${TESSERA_BENCH_DIR:-$ROOT/build-release}
  BUILD_TYPE=Release
  ensure_deps "${BENCH_PACKAGES[@]}"
  build
  run_env
  for b in "$BUILD_DIR"/bench/bench_*; do
    [ -x "$b" ] || continue
    log "running $(basename "$b")"
    "$b"
  done
}

# Fuzzing (issue #17): clang + libFuzzer, ASan and UBSan, in build-fuzz/. Each harness runs for
# SECONDS (default 60) over its seed corpus in tests/fuzz/corpus/<name> (read only) and a working
# corpus in build-fuzz/fuzz-corpus/<name>; a crash is kept in build-fuzz/fuzz-crashes/ and fails.
FUZZ_PACKAGES=(clang libclang-rt-14-dev)
FUZZ_HARNESSES=(tables geojson asapxml features progress slide)
[ -n "${TESSERA_FUZZ_ONLY:-}" ] && read -r -a FUZZ_HARNESSES <<<"$TESSERA_FUZZ_ONLY"

cmd_fuzz() {
  local seconds=${1:-60}
  stage_start
  ensure_deps "${FUZZ_PACKAGES[@]}"
  local dir=${TESSERA_FUZZ_DIR:-$ROOT/build-fuzz}
  if [ ! -f "$dir/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DTESSERA_FUZZ=ON -DTESSERA_BUILD_TESTS=OFF -DTESSERA_BUILD_BENCH=OFF
  fi
  local before cache_line
  before=$(ccache_counts)
  cmake --build "$dir" --target fuzz_harnesses --parallel "$(nproc)"
  cache_line=$(ccache_summary "$before")
  log "$cache_line"
  stage_end "fuzz-build" "$cache_line"
  stage_start
  run_env
  # A huge request returns NULL, as malloc does in production (HDF5 asks for sizes read from a
  # damaged header and handles NULL); requests above 4 GiB count as such on this harness machine.
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:max_allocation_size_mb=4096}
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/fuzz/lsan.supp}
  mkdir -p "$dir/fuzz-crashes"
  local failed=0 summary=()
  for name in "${FUZZ_HARNESSES[@]}"; do
    local work="$dir/fuzz-corpus/$name" logfile="$dir/fuzz-$name.log"
    local seeds=("$ROOT/tests/fuzz/corpus/$name")
    mkdir -p "$work"
    # The real sample slides are seeds too (read only, not copied into the repository).
    [ "$name" = slide ] && [ -d "$ROOT/../shared/testdata" ] && seeds+=("$ROOT/../shared/testdata")
    # TESSERA_FUZZ_RUNS=N: N inputs from seed TESSERA_FUZZ_SEED (default 1) instead of a time:
    # the same inputs on every machine, so CI cannot turn red by luck. TESSERA_FUZZ_RUNS_<name>=N
    # overrides N for one harness.
    local runs_for="TESSERA_FUZZ_RUNS_$name"
    local runs_here=${!runs_for:-${TESSERA_FUZZ_RUNS:-}}
    local amount=${runs_here:+$runs_here runs}
    log "fuzzing $name (${amount:-${seconds}s})"
    # Up to 4 GiB a request is served (lazily mapped, as on a real machine); the resident memory
    # of the whole run must stay under 4 GiB.
    local limits=(-rss_limit_mb=4096 -malloc_limit_mb=4096)
    local budget=(-max_total_time="$seconds")
    [ -n "$runs_here" ] && budget=(-runs="$runs_here" -seed="${TESSERA_FUZZ_SEED:-1}")
    # TESSERA_FUZZ_CORPUS_ONLY="a b": those harnesses only replay their corpus (no new inputs).
    [[ " ${TESSERA_FUZZ_CORPUS_ONLY:-} " == *" $name "* ]] && budget=(-runs=0)
    if "$dir/tests/fuzz/fuzz_$name" "${budget[@]}" -timeout=20 -print_final_stats=1 "${limits[@]}" \
        -artifact_prefix="$dir/fuzz-crashes/$name-" "$work" "${seeds[@]}" >"$logfile" 2>&1; then
      :
    else
      failed=1
      log "fuzz_$name found a crash: see $logfile and $dir/fuzz-crashes/"
    fi
    local runs cov
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$logfile" | awk '{print $2}' | tail -1 || true)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$logfile" | tail -1 || true)
    summary+=("$(printf '%-9s %10s executions  %s' "$name" "${runs:-?}" "${cov:-}")")
  done
  printf '%s\n' "${summary[@]}"
  stage_end "fuzzing"
  return $failed
}

cmd_format() {
  git ls-files '*.cpp' '*.h' | xargs clang-format -i
}

case "${1:-help}" in
  demo) shift; cmd_demo "$@" ;;
  test) shift; cmd_test "$@" ;;
  test-asan) shift; cmd_test_asan "$@" ;;
  test-tsan) shift; cmd_test_tsan "$@" ;;
  build) shift; build ;;
  bench) shift; cmd_bench "$@" ;;
  deps) ensure_deps ;;
  format) cmd_format ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  *)
    cat <<USAGE
Usage: ./dev.sh <command>
  demo    install what is missing, build, make a demo project (slides, features, SR-MIL run),
          open the viewer with heatmaps
  test    install what is missing, build, run the whole ctest suite (extra args go to ctest)
  test-asan  the whole suite under ASan+UBSan+LSan (build-asan/; extra args go to ctest)
  test-tsan  the tile loader, job queue, extraction and analysis-load tests under ThreadSanitizer (build-tsan/;
             needs a Qt built with TSan to be clean: docs/RELIABILITY.md)
  build   install what is missing and build ($BUILD_DIR)
  bench   build in Release and run every benchmark in bench/
  fuzz [s] build the libFuzzer harnesses (clang) and run each for s seconds (default 60)
  deps    only install missing Debian packages
  format  clang-format every C++ file
USAGE
    ;;
esac
