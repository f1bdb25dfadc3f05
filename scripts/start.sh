#!/usr/bin/env bash
# One command: set up, build, and serve the calculator on localhost (with its example data).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
exec npm run --silent serve
