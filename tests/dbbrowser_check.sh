#!/usr/bin/env bash
# Open a kospitl database in DB Browser for SQLite (Debian 12 packages 3.12.2) on a virtual
# screen and take a screenshot of a view's Browse Data tab. Installs what it needs (apt) where
# the machine allows. Usage: bash tests/dbbrowser_check.sh [DB] [VIEW] [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/kospitl-dbbrowser.db}
VIEW=${2:-session}
OUT=${3:-/tmp/kospitl-dbbrowser.png}
if ! command -v sqlitebrowser >/dev/null || ! command -v Xvfb >/dev/null || ! command -v xwd >/dev/null; then
  apt-get install -y -q sqlitebrowser xvfb x11-apps imagemagick >/dev/null
fi
if [ ! -s "$DB" ]; then
  .venv/bin/kospitl ingest -q --db "$DB" data/samples/00[0-3]_*.txt
  .venv/bin/kospitl ingest -q --db "$DB" --date 2026-02-25 data/samples/004_b07f79f3c47f2b65.txt
fi

Xvfb :77 -screen 0 1400x900x24 >/dev/null 2>&1 &
XPID=$!
trap 'kill $APP $XPID 2>/dev/null || true' EXIT
sleep 1
DISPLAY=:77 sqlitebrowser --version 2>/dev/null | head -1 || true
DISPLAY=:77 sqlitebrowser -R -t "$VIEW" "$DB" >/tmp/kospitl-dbbrowser.log 2>&1 &
APP=$!
sleep 6
kill -0 "$APP"  # still running: the file opened (a schema it cannot read ends it with an error)
DISPLAY=:77 xwd -root -silent | convert xwd:- "$OUT"
echo "DB Browser for SQLite opened $DB, browsing $VIEW: screenshot $OUT"
