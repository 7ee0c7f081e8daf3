#!/usr/bin/env bash
# Times fzf --filter on the same 100k article lines (title, people, countries, organisations,
# source) that BenchmarkSearch/100k searches, for the queries of the benchmarks, then runs
# those benchmarks. fzf and hyperfine come from Debian: apt-get install -y fzf hyperfine.
# Usage: model/search/testdata/fzf-compare.sh [queries...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
lines=$dir/lines.txt
DISPATCH_FZF_LINES=$lines go test -run '^TestWriteFzfLines$' -count 1 . >/dev/null
echo "$(wc -l <"$lines") lines, $(du -h "$lines" | cut -f1)"
queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=(к кош кошербаев kosh kosherbayev zzzq франция France)
for q in "${queries[@]}"; do
	n=$(fzf --filter "$q" <"$lines" | wc -l)
	if command -v hyperfine >/dev/null; then
		hyperfine --warmup 1 --runs 5 --export-json "$dir/h.json" "fzf --filter '$q' <'$lines' >/dev/null" >/dev/null 2>&1
		t=$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$dir/h.json" | head -1)
	else
		start=$(date +%s%N)
		for _ in 1 2 3 4 5; do fzf --filter "$q" <"$lines" >/dev/null; done
		t=$(echo "scale=4; ($(date +%s%N) - $start) / 5 / 1000000000" | bc)
	fi
	printf 'fzf --filter %-14s %7d matches  %8.1f ms\n' "$q" "$n" "$(echo "$t * 1000" | bc)"
done
pattern=$(IFS='|'; echo "${queries[*]}")
go test -run '^$' -bench "^BenchmarkSearch\$/100k/($pattern)\$" -benchtime 20x -count 1 . | grep Benchmark
