#!/usr/bin/env bash
# The handbook's entry point. Installs what it needs first (scripts/setup.sh), then:
#   ./hb build        builds the complete handbook: every language, web site and PDFs, into site/
#   ./hb test         runs the whole test suite (pytest arguments may follow)
#   ./hb COMMAND ...  any other `handbook` command (./hb --help lists them)
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-}" in
  test)
    shift
    scripts/setup.sh test
    export NO_MKDOCS_2_WARNING=1
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    scripts/setup.sh build
    export NO_MKDOCS_2_WARNING=1
    exec .venv/bin/handbook "$@"
    ;;
esac
