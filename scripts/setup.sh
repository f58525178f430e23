#!/usr/bin/env bash
# Installs what the handbook needs on a fresh machine: Debian packages when missing (as root, or
# with sudo), then a virtual environment in .venv with the pinned Python packages. Re-running is
# cheap: packages are only reinstalled when pyproject.toml or constraints.txt changed.
#   scripts/setup.sh build   what building the web site and PDFs needs
#   scripts/setup.sh test    that, plus Chromium for the test suite
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-build}"

# WeasyPrint needs Pango and HarfBuzz's subsetter (without it every font is embedded through a
# slower fallback that logs a warning, which the PDF step treats as an error).
# poppler-utils: the leak scan reads PDFs with pdftotext (pypdf, its fallback, is forty times slower).
debs=(git ca-certificates libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig poppler-utils)
python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null || ! "$python" -c "import ensurepip, venv" 2>/dev/null; then
  debs+=(python3 python3-venv)
fi
if [ "$purpose" = "test" ]; then
  debs+=(chromium)
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
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
  echo "setup: creating .venv"
  rm -rf .venv
  "$python" -m venv .venv
fi
stamp=.venv/.handbook-stamp
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages (pinned by constraints.txt)"
  log=.venv/setup.log
  if ! .venv/bin/python -m pip install -c constraints.txt -e ".[test]" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "setup: installing Python packages failed; the full log is in $log" >&2
    exit 2
  fi
  echo "$want" > "$stamp"
fi
