#!/usr/bin/env bash
# Installs what is missing (Debian 12, database servers included), builds
# HysteriaQt, starts throwaway PostgreSQL and MariaDB servers on loopback and
# runs every test on SQLite, PostgreSQL and MariaDB; builds the library, the
# examples and the compile-only checks again with Clang (warnings are errors
# there too) and runs the compile-fail tests with its diagnostics; then builds
# the suites with AddressSanitizer and UndefinedBehaviorSanitizer and runs them
# once more. --no-sanitize skips that last pass.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
source scripts/db-servers.sh

sanitize=1
[ "${1:-}" = "--no-sanitize" ] && sanitize=0

# Each step before a test run says how long it took (each test run ends with
# CTest's own time), so that the run's time stays in view.
hy_step_started=$SECONDS
hy_step_done() {
    echo "-- $1: $((SECONDS - hy_step_started)) s"
    hy_step_started=$SECONDS
}

hy_install_packages "${HY_BUILD_PACKAGES[@]}" "${HY_TEST_PACKAGES[@]}"
hy_step_done "packages"
hy_build build -DHYSTERIAQT_BUILD_TESTS=ON
hy_step_done "GCC build"
hy_start_servers
hy_step_done "database servers"

export HYSTERIA_TEST_REQUIRE_ALL=1
export QT_QPA_PLATFORM=offscreen
(cd build && ctest --output-on-failure --verbose --parallel "$(nproc)")
hy_step_started=$SECONDS

# Clang checks warnings and compile-time refusals, and runs no suite: built
# without optimisation or debug information, and without the suites.
CXX=clang++ hy_build build-clang -DHYSTERIAQT_BUILD_BENCHMARKS=OFF -DHYSTERIAQT_BUILD_SUITES=OFF \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g0 -DNDEBUG"
hy_step_done "Clang build"
(cd build-clang && ctest --output-on-failure --verbose --parallel "$(nproc)" --tests-regex '^compilefail_')
hy_step_started=$SECONDS

if [ "$sanitize" = 1 ]; then
    # The suites only: the checks that only compile were compiled above. -O1
    # keeps the instrumented code fast enough; -g1 gives the reports' lines.
    hy_build build-sanitize -DHYSTERIAQT_SANITIZE=ON -DHYSTERIAQT_BUILD_BENCHMARKS=OFF \
        -DHYSTERIAQT_BUILD_EXAMPLES=OFF -DHYSTERIAQT_BUILD_COMPILE_CHECKS=OFF \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
    hy_step_done "ASan/UBSan build"
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    (cd build-sanitize && ctest --output-on-failure --verbose --parallel "$(nproc)")
fi
