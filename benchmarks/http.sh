#!/usr/bin/env bash
# HTTP benchmark of the public pages (not run by CI; see README „Benchmarks“).
#
#   benchmarks/http.sh                  # or: make bench-http
#
# For 10 and 1,000 posts (the demo content, then manage.py generate_posts; each
# in its own SQLite file under a temporary folder) the site runs with production
# settings under gunicorn (2 workers) on loopback, with the full-page cache
# warm, off (the render memo still on) and cold (both off: PAGE_CACHE_ENABLED,
# GENERATION_MEMO_ENABLED). wrk -t1 -c16 measures each page
# for BENCH_DURATION (8 s) after a 2 s warm-up, BENCH_ROUNDS (3) times; the
# table shows medians and the ratio to the floor: a bare WSGI app on the same
# gunicorn settings returning a page of the post's size (benchmarks/floor_app.py),
# running beside the site and measured just before every round, so each round
# has its own ratio (the table: their median). Then the in-process render
# times (benchmarks/pages.py).
#
# Figures are only comparable within one run: another busy process on the
# machine changes all of them, the floor included.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${BIN:-$ROOT/.venv/bin}"
PYTHON="$BIN/python"
GUNICORN="$BIN/gunicorn"
PORT="${BENCH_PORT:-8252}"
FLOOR_PORT="${BENCH_FLOOR_PORT:-8251}"
DURATION="${BENCH_DURATION:-8}"
ROUNDS="${BENCH_ROUNDS:-3}"
DATASETS="${BENCH_POSTS:-10 1000}"
# warm: full-page cache on; off: cache off, render memo on (core.memo, the
# default); cold: both off, every request renders as the first after a change.
# redis: warm, with pages and their generation in Redis (BENCH_REDIS_URL).
MODES="${BENCH_MODES:-cold off warm${BENCH_REDIS_URL:+ redis}}"
POST_PATH="/blog/purpose-ist-mehr-als-ein-slogan/"

for tool in wrk curl; do
	command -v "$tool" >/dev/null || { echo "$tool fehlt (apt-get install $tool)" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/feder-bench.XXXXXX")"
RESULTS="$WORK/results"
SERVER_PID=""
FLOOR_PID=""
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	[ -n "$FLOOR_PID" ] && kill "$FLOOR_PID" 2>/dev/null && wait "$FLOOR_PID" 2>/dev/null
	rm -rf "$WORK/media-"* "$WORK"/*.sqlite3*
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=settings.production
export SECRET_KEY="${SECRET_KEY:-$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false
export PUBLIC_BASE_URL="http://127.0.0.1:$PORT"
# Production settings refuse a loopback address unless told it is a benchmark.
export ALLOW_LOCAL_PUBLIC_BASE_URL=true
export GUNICORN_WORKERS=2
export GUNICORN_ACCESS_LOG=/dev/null
export LOG_LEVEL=ERROR

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

start_floor() { # the floor app, kept running beside the site once the post's HTML is saved
	FLOOR_PAGE="$WORK/post.html" GUNICORN_BIND="127.0.0.1:$FLOOR_PORT" "$GUNICORN" -c gunicorn.conf.py \
		--pythonpath benchmarks floor_app:application &
	FLOOR_PID=$!
	wait_for "http://127.0.0.1:$FLOOR_PORT/"
	wrk -t1 -c16 -d2s "http://127.0.0.1:$FLOOR_PORT/" >/dev/null
}

measure() { # measure OUTDIR URL: each round the floor first, then the URL
	local out="$1" url="$2" floor="http://127.0.0.1:$FLOOR_PORT/"
	mkdir -p "$out"
	wrk -t1 -c16 -d2s "$url" >/dev/null
	for round in $(seq "$ROUNDS"); do
		if [ -n "$FLOOR_PID" ]; then
			{ echo "$floor"; wrk -t1 -c16 -d"${DURATION}s" --latency "$floor"; } >"$out/floor-$round.txt"
		fi
		{ echo "$url"; wrk -t1 -c16 -d"${DURATION}s" --latency "$url"; } >"$out/round-$round.txt"
	done
}

"$PYTHON" manage.py collectstatic --noinput -v0

for posts in $DATASETS; do
	export DATABASE_URL="sqlite:///$WORK/posts-$posts.sqlite3"
	export MEDIA_ROOT="$WORK/media-$posts"
	echo "== $posts Artikel: Datenbank anlegen"
	# Set-up runs its follow-up work (renditions, search index) at once.
	TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
		"$PYTHON" manage.py migrate --noinput -v0
	TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
		"$PYTHON" manage.py load_demo_content >/dev/null
	TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
		"$PYTHON" manage.py generate_posts "$posts"
	read -r tag_slug last_page <<<"$("$PYTHON" - <<'PY'
import math, django
django.setup()
from posts.models import BlogIndexPage, BlogTag
tag = BlogTag.objects.order_by("-post_count").first()
blog = BlogIndexPage.objects.get()
print(tag.slug, max(1, math.ceil(blog.posts().count() / blog.posts_per_page)))
PY
)"
	deep=$((last_page < 40 ? last_page : 40))
	pages=(
		"1-home /"
		"2-index-p1 /blog/"
		"3-index-p$deep /blog/?page=$deep"
		"4-tag /blog/tag/$tag_slug/"
		"5-post $POST_PATH"
		"6-rss /feed/"
		"7-sitemap /sitemap.xml"
	)
	for cache in $MODES; do
		flag=0 memo=1 redis=""
		[ "$cache" = warm ] && flag=1
		[ "$cache" = cold ] && memo=0
		[ "$cache" = redis ] && flag=1 redis="$BENCH_REDIS_URL"
		echo "== $posts Artikel, Seiten-Cache $cache"
		REDIS_URL="$redis" CACHE_KEY_PREFIX="feder-bench-$$" \
			PAGE_CACHE_ENABLED=$flag GENERATION_MEMO_ENABLED=$memo start "$PORT" settings.wsgi:application
		wait_for "http://127.0.0.1:$PORT/healthz/"
		if [ ! -f "$WORK/post.html" ]; then
			curl -fs "http://127.0.0.1:$PORT$POST_PATH" >"$WORK/post.html"
			start_floor
		fi
		for entry in "${pages[@]}"; do
			measure "$RESULTS/$posts/$cache/${entry%% *}" "http://127.0.0.1:$PORT${entry#* }"
		done
		stop
	done
	echo "== $posts Artikel: im Prozess gerendert (Django-Testclient, ohne Seiten-Cache)"
	paths=()
	for entry in "${pages[@]}"; do paths+=("${entry#* }"); done
	PAGE_CACHE_ENABLED=0 "$PYTHON" benchmarks/pages.py --in-process "${paths[@]}" \
		| tee "$RESULTS/in-process-$posts.txt"
	echo "== $posts Artikel: im Prozess, ohne Seiten-Cache und ohne Memo (jede Anfrage wie die erste nach einer Änderung)"
	PAGE_CACHE_ENABLED=0 GENERATION_MEMO_ENABLED=0 "$PYTHON" benchmarks/pages.py --in-process "${paths[@]}" \
		| tee "$RESULTS/in-process-cold-$posts.txt"
done

echo "== Boden: $(wc -c <"$WORK/post.html") Bytes aus dem Speicher"
FLOOR_PID_KEPT="$FLOOR_PID"
FLOOR_PID=""  # measured on its own here, not paired with itself
measure "$RESULTS/floor" "http://127.0.0.1:$FLOOR_PORT/"
kill "$FLOOR_PID_KEPT"
wait "$FLOOR_PID_KEPT" 2>/dev/null || true

echo
echo "Python auf dieser Maschine gerade: $("$PYTHON" -m timeit -n 20 'sum(range(10**6))')"
echo
"$PYTHON" benchmarks/http_report.py "$RESULTS"
for posts in $DATASETS; do
	echo
	echo "In-process, $posts Artikel (Memo an):"
	cat "$RESULTS/in-process-$posts.txt"
	echo "In-process, $posts Artikel (Memo aus):"
	cat "$RESULTS/in-process-cold-$posts.txt"
done
echo
echo "Rohdaten: $RESULTS"
