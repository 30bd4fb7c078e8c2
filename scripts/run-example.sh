#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds HysteriaQt and runs the
# quick-start example on an embedded SQLite database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

hy_install_packages "${HY_BUILD_PACKAGES[@]}"
hy_build build
./build/examples/quickstart/quickstart "${1:-:memory:}"
