#!/usr/bin/env bash
# Installs what the handbook needs on a fresh machine: Debian packages when missing (as root, or
# with sudo), then a virtual environment in .venv with the pinned Python packages. Re-running is
# cheap: packages are only reinstalled when pyproject.toml or constraints.txt changed.
#   scripts/setup.sh build   what building the web site and PDFs needs
#   scripts/setup.sh test    that, plus Chromium and poppler for the test suite
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-build}"

debs=(git libpango-1.0-0 libpangoft2-1.0-0 fontconfig)
if [ "$purpose" = "test" ]; then
  debs+=(chromium poppler-utils)
fi
missing=()
for pkg in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    echo "setup: need root to install ${missing[*]}: run 'apt-get install ${missing[*]}' as root" >&2; exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
stamp=.venv/.handbook-stamp
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages (pinned by constraints.txt)"
  log=.venv/setup.log
  if ! { .venv/bin/python -m pip install --upgrade pip &&
         .venv/bin/python -m pip install -c constraints.txt -e ".[test]"; } >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "setup: installing Python packages failed; the full log is in $log" >&2
    exit 2
  fi
  echo "$want" > "$stamp"
fi
