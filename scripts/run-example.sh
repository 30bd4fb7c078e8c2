#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds HysteriaQt and runs the
# quick-start example on an embedded SQLite database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

hy_install_packages "${HY_BUILD_PACKAGES[@]}"
# The library and the example, without the test suites (which need the test
# packages: Qt Qml, the database drivers).
hy_build build -DHYSTERIAQT_BUILD_TESTS=OFF
./build/examples/quickstart/quickstart "${1:-:memory:}"
