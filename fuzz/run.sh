#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (default 600) on stable Rust, single
# process, with the seeds and the Vietnamese dictionary, and appends a
# summary line (target, seconds, executions, crashes) to fuzz/logs/runs.tsv.
#
#   fuzz/run.sh normalize 600
#   fuzz/run.sh normalize 600 -fork=1 -ignore_crashes=1   # keep going after a crash
set -euo pipefail
cd "$(dirname "$0")"
target="$1"
secs="${2:-600}"
shift $(( $# < 2 ? $# : 2 ))
mkdir -p "corpus/$target" logs artifacts
log="logs/$target-$(date -u +%Y%m%dT%H%M%S).log"
set +e
cargo fuzz run -s none -O "$target" "corpus/$target" seeds -- \
    -dict=vietnamese.dict -max_total_time="$secs" -max_len=4096 \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@" >"$log" 2>&1
rc=$?
set -e
execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n1 || true)
# Fork mode prints no final stats: take the last "#N" progress line.
[ -n "$execs" ] || execs=$(grep -Eo '^#[0-9]+' "$log" | tail -n1 | tr -d '#' || true)
crashes=$(ls "artifacts/$target" 2>/dev/null | wc -l)
cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n1 || true)
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$secs" "$execs" "$crashes" "$rc" "$cov" | tee -a logs/runs.tsv
