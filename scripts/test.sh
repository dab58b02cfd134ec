#!/usr/bin/env bash
# Install everything the test suite needs (Debian packages and Python packages), lint, and run
# every test. Used by the README and by .ci/run. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
if [ "${#need[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Debian's own Python is "externally managed"; this project installs into it on purpose.
export PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1
python3 -m pip install -q -e ".[test]"
python3 -m ruff check .
python3 -m mypy
# pytest exits 5 when it collected no test: with set -e that fails the run, as it should.
python3 -m pytest "$@"
