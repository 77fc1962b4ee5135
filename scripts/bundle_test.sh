#!/usr/bin/env bash
# Test the PyInstaller bundle in dist/vknz as a user's machine would run it (make bundle-test):
# a clean environment (env -i: no venv on PATH, no LD_LIBRARY_PATH, no PYTHONPATH), run from an
# empty folder where the source is not importable. Runs `vknz --version` and `vknz self-test`,
# proves nothing was written into the bundle and no temporary vault was left behind, then
# (when Xvfb is installed) measures the start-up time to the unlock dialog.
#
#   scripts/bundle_test.sh [BUNDLE_DIR]      default: dist/vknz
#   STARTUP_RUNS=5                           how many start-up measurements (0: none)
#   BUNDLE_TEST_DROP_CACHES=1                drop the page cache before each start (root only;
#                                            slows down everything else on the machine)
set -euo pipefail

bundle=$(cd "${1:-dist/vknz}" && pwd)
exe="$bundle/vknz"
runs=${STARTUP_RUNS:-5}
[ -x "$exe" ] || { echo "bundle-test: $exe not found (run make bundle first)" >&2; exit 2; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/vknz-bundle-test.XXXXXX")
xvfb_pid=""
cleanup() {
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true  # reap it: no zombie left behind
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$scratch/home" "$scratch/tmp" "$scratch/cwd"
marker="$scratch/marker"
touch "$marker"
sleep 1  # file times have a resolution of a few ms; be safely past the marker

clean_env=(env -i "HOME=$scratch/home" "PATH=/usr/bin:/bin" "TMPDIR=$scratch/tmp")
fail() { echo "bundle-test: FAILED: $*" >&2; exit 1; }

echo "== vknz --version"
(cd "$scratch/cwd" && "${clean_env[@]}" "$exe" --version) || fail "vknz --version"

echo "== vknz self-test"
started=$(date +%s.%N)
(cd "$scratch/cwd" && "${clean_env[@]}" "$exe" self-test) || fail "vknz self-test"
ended=$(date +%s.%N)
echo "(self-test process: $(awk -v a="$started" -v b="$ended" 'BEGIN {printf "%.1f", b - a}') s including exit)"

left=$(ls -A "$scratch/tmp")
[ -z "$left" ] || fail "left behind in the temp folder: $left"
echo "ok: no temporary vault left behind"

echo "== size"
du -sh "$bundle"

if [ "$runs" -gt 0 ] && command -v Xvfb >/dev/null; then
    echo "== start-up to the unlock dialog (Xvfb, $runs runs)"
    n=96
    while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
    display=":$n"
    Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 1
    results=()
    for i in $(seq 1 "$runs"); do
        if [ "${BUNDLE_TEST_DROP_CACHES:-0}" = 1 ]; then
            sync && echo 3 >/proc/sys/vm/drop_caches || echo "(cannot drop caches)" >&2
        fi
        line=$(cd "$scratch/cwd" && "${clean_env[@]}" "DISPLAY=$display" LANG=C.UTF-8 \
            VKNZ_STARTUP_PROBE=1 "$exe" 2>/dev/null | grep '^startup_ms=' || true)
        [ -n "$line" ] || fail "the app did not show its unlock dialog (run $i)"
        results+=("${line#startup_ms=}")
        echo "run $i: ${line#startup_ms=} ms"
    done
    median=$(printf '%s\n' "${results[@]}" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
    echo "median start-up to the unlock dialog: $median ms (goal < 1500 ms)"
else
    echo "(start-up not measured: STARTUP_RUNS=0 or Xvfb not installed)"
fi

written=$(find "$bundle" -newer "$marker" -print | head -5)
[ -z "$written" ] || fail "the bundle was written to: $written"
echo "ok: nothing was written into the bundle"
echo "bundle-test: passed"
