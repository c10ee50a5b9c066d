#!/usr/bin/env bash
# Set up Timeline Reader on a fresh Debian/Ubuntu machine: the system libraries
# Qt needs (only those missing), a virtual environment in .venv, the project.
set -euo pipefail
cd "$(dirname "$0")/.."

qt_libs=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
         libglib2.0-0 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
         libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${qt_libs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system libraries for Qt: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python_bin=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python_bin" -m venv .venv
# The pip bundled with Python 3.11 (23.2.1) mis-resolves some extras: upgrade first.
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip install -q -e ".[dev]" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c "import timeline_app, PySide6, sqlite_utils, dateutil" \
  || { echo "setup: installation failed" >&2; exit 1; }
echo "setup: ready (.venv)" >&2
