#!/usr/bin/env bash
# Benchmark of the reader statistics (not run by CI; see docs/statistics.md).
#
#   benchmarks/stats.sh
#
# On the demo content (SQLite in a temporary folder) the site runs with
# production settings under gunicorn (2 workers) on loopback, the full-page
# cache on and without Redis (the `stats` cache and the spool are files, as on
# one machine), or with BENCH_REDIS_URL in Redis. wrk -t1 measures for BENCH_DURATION (8 s) after a 2 s warm-up,
# BENCH_ROUNDS (3) times, medians:
#   floor    the bare WSGI app returning the post's HTML (benchmarks/floor_app.py)
#   page     the cached post page alone (-c16)
#   beacons  POSTs of valid beacons, each from a new visitor (-c16,
#            benchmarks/beacon.lua): beacons per second the endpoint absorbs
#   mixed    the cached post page (-c16) while a second wrk sends beacons at
#            about BENCH_BEACON_RATE per second (-c4 with a pause per request);
#            page and mixed take turns, round by round, and the loss is the
#            median of each round's mixed ÷ page
# and then flushes the buffer once (manage.py flush_stats) and checks that
# every absorbed beacon arrived in the tables. Figures are only comparable
# within one run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${BIN:-$ROOT/.venv/bin}"
PYTHON="$BIN/python"
GUNICORN="$BIN/gunicorn"
PORT="${BENCH_PORT:-8262}"
FLOOR_PORT="${BENCH_FLOOR_PORT:-8261}"
DURATION="${BENCH_DURATION:-8}"
ROUNDS="${BENCH_ROUNDS:-3}"
BEACON_RATE="${BENCH_BEACON_RATE:-200}"
POST_PATH="/blog/purpose-ist-mehr-als-ein-slogan/"

for tool in wrk curl; do
	command -v "$tool" >/dev/null || { echo "$tool fehlt (apt-get install $tool)" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/feder-stats-bench.XXXXXX")"
SERVER_PID=""
BG_PID=""
cleanup() {
	[ -n "$BG_PID" ] && kill "$BG_PID" 2>/dev/null
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK" "${STATS_MARKER_DIR:-}"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=settings.production
export SECRET_KEY="${SECRET_KEY:-$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false
export PUBLIC_BASE_URL="http://127.0.0.1:$PORT"
export ALLOW_LOCAL_PUBLIC_BASE_URL=true
export GUNICORN_WORKERS=2
export GUNICORN_ACCESS_LOG=/dev/null
export LOG_LEVEL=ERROR
export PAGE_CACHE_ENABLED=1
export DATABASE_URL="sqlite:///$WORK/demo.sqlite3"
export MEDIA_ROOT="$WORK/media"
export STATS_CACHE_DIR="$WORK/stats-cache"
export STATS_SPOOL_DIR="$WORK/stats-spool"
# Where the site would put its "seen today" markers by default (in memory,
# stats.tally.marker_folder), but a folder this run removes again.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	export STATS_MARKER_DIR="/dev/shm/feder-stats-bench-$$"
fi
export PAGE_CACHE_GENERATION_FILE="$WORK/pagecache-generation"
# BENCH_REDIS_URL=redis://127.0.0.1:6379/0: pages, the stats cache and the
# spool in Redis, as with several app servers.
if [ -n "${BENCH_REDIS_URL:-}" ]; then
	export REDIS_URL="$BENCH_REDIS_URL" CACHE_KEY_PREFIX="feder-stats-bench-$$"
else
	unset REDIS_URL
fi

wait_for() {
	for _ in $(seq 100); do
		curl -fs -o /dev/null "$1" && return 0
		sleep 0.1
	done
	echo "Server antwortet nicht: $1" >&2
	exit 1
}

start() { # start PORT APP [gunicorn args...]
	local port="$1" app="$2"
	shift 2
	GUNICORN_BIND="127.0.0.1:$port" "$GUNICORN" -c gunicorn.conf.py "$@" "$app" &
	SERVER_PID=$!
}

stop() {
	kill "$SERVER_PID"
	wait "$SERVER_PID" 2>/dev/null || true
	SERVER_PID=""
}

rps() { # rps FILE: requests per second from wrk's output
	awk '/Requests\/sec/ {print $2}' "$1"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # measure NAME wrk-args... : median requests/s of the rounds
	local name="$1"
	shift
	wrk -t1 -d2s "$@" >"$WORK/$name-warm.txt"
	for round in $(seq "$ROUNDS"); do
		wrk -t1 -d"${DURATION}s" --latency "$@" >"$WORK/$name-$round.txt"
	done
	for round in $(seq "$ROUNDS"); do rps "$WORK/$name-$round.txt"; done | median
}

"$PYTHON" manage.py collectstatic --noinput -v0
echo "== Demo-Datenbank anlegen"
TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
	"$PYTHON" manage.py migrate --noinput -v0
TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
	"$PYTHON" manage.py load_demo_content >/dev/null
PAGE_ID="$("$PYTHON" - <<PY
import django
django.setup()
from wagtail.models import Page
print(Page.objects.get(url_path__endswith="$POST_PATH").pk)
PY
)"
export BEACON_PAGE="$PAGE_ID" BEACON_ORIGIN="$PUBLIC_BASE_URL"

start "$PORT" settings.wsgi:application
wait_for "http://127.0.0.1:$PORT/healthz/"
curl -fs "http://127.0.0.1:$PORT$POST_PATH" >"$WORK/post.html"
curl -fs -o /dev/null "http://127.0.0.1:$PORT$POST_PATH"
cache_state="$(curl -s -D - -o /dev/null "http://127.0.0.1:$PORT$POST_PATH" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache" {print $2}')"
echo "== Artikel aus dem Seiten-Cache: X-Cache $cache_state"

echo "== Beacons allein"
beacons="$(measure beacons -c16 -s benchmarks/beacon.lua "http://127.0.0.1:$PORT/statistik/b/")"

# The page alone and the page under beacon load, round by round in turn: on a
# shared machine the speed drifts over minutes, and a loss is only a loss
# when both figures come from the same minute.
echo "== Artikel allein und mit gleichzeitig etwa $BEACON_RATE Beacons/s, abwechselnd"
delay_ms=$((4000 / BEACON_RATE))
wrk -t1 -d2s -c16 "http://127.0.0.1:$PORT$POST_PATH" >"$WORK/page-warm.txt"
for round in $(seq "$ROUNDS"); do
	wrk -t1 -d"${DURATION}s" --latency -c16 "http://127.0.0.1:$PORT$POST_PATH" >"$WORK/page-$round.txt"
	BEACON_DELAY_MS="$delay_ms" wrk -t1 -c4 -d"$((DURATION + 2))s" -s benchmarks/beacon.lua \
		"http://127.0.0.1:$PORT/statistik/b/" >"$WORK/background-$round.txt" &
	BG_PID=$!
	sleep 1
	wrk -t1 -d"${DURATION}s" --latency -c16 "http://127.0.0.1:$PORT$POST_PATH" >"$WORK/mixed-$round.txt"
	wait "$BG_PID" || true
	BG_PID=""
done
for r in $(seq "$ROUNDS"); do
	echo "   Runde $r: allein $(rps "$WORK/page-$r.txt"), mit Beacons $(rps "$WORK/mixed-$r.txt") Anfragen/s"
done
page_alone="$(for r in $(seq "$ROUNDS"); do rps "$WORK/page-$r.txt"; done | median)"
page_mixed="$(for r in $(seq "$ROUNDS"); do rps "$WORK/mixed-$r.txt"; done | median)"
loss="$(for r in $(seq "$ROUNDS"); do
	echo "$(rps "$WORK/page-$r.txt") $(rps "$WORK/mixed-$r.txt")"
done | awk '{print 100 * (1 - $2 / $1)}' | median)"
background_rps="$(for r in $(seq "$ROUNDS"); do rps "$WORK/background-$r.txt"; done | median)"
stop

echo "== Puffer schreiben"
flush_start=$(date +%s.%N)
"$PYTHON" manage.py flush_stats
flush_end=$(date +%s.%N)
stored="$("$PYTHON" - <<'PY'
import django
django.setup()
from stats.models import DailySiteStat
print(sum(DailySiteStat.objects.values_list("views", flat=True)))
PY
)"

echo "== Boden: $(wc -c <"$WORK/post.html") Bytes aus dem Speicher"
FLOOR_PAGE="$WORK/post.html" start "$FLOOR_PORT" floor_app:application --pythonpath benchmarks
wait_for "http://127.0.0.1:$FLOOR_PORT/"
floor="$(measure floor -c16 "http://127.0.0.1:$FLOOR_PORT/")"
stop

"$PYTHON" - "$floor" "$page_alone" "$beacons" "$page_mixed" "$background_rps" "$stored" "$flush_start" "$flush_end" "$WORK" "$ROUNDS" "$loss" <<'PY'
import re
import sys
from pathlib import Path

floor, alone, beacons, mixed, background, stored = map(float, sys.argv[1:7])
flush_seconds = float(sys.argv[8]) - float(sys.argv[7])
work, rounds, loss = Path(sys.argv[9]), int(sys.argv[10]), float(sys.argv[11])


def total(pattern):
    return sum(
        int(re.search(r"(\d+) requests in", p.read_text()).group(1))
        for p in work.glob(pattern)
    )


sent = total("beacons-*.txt") + total("background-*.txt")  # warm-up included
print()
print(f"Boden (floor_app)                 {floor:10.0f} Anfragen/s")
print(f"Artikel aus dem Cache, allein     {alone:10.0f} Anfragen/s   {alone / floor:5.2f} × Boden")
print(f"Beacons allein                    {beacons:10.0f} Beacons/s    {beacons / floor:5.2f} × Boden")
print(f"Artikel mit Beacon-Last           {mixed:10.0f} Anfragen/s   {mixed / floor:5.2f} × Boden")
print(f"  Verlust gegen allein            {loss:10.1f} %            (Median der Runden, je Runde allein/mit Last)")
print(f"  gleichzeitige Beacons           {background:10.0f} Beacons/s")
print(f"Beacons beantwortet                {sent:10d}; in den Tabellen {stored:10.0f}")
print(f"flush_stats                       {flush_seconds:10.1f} s")
PY
