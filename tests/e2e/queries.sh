# queries.sh - the query set: what engineers type when they look for a code,
# in every shipped language, with the codes that must come in the first
# three results (tests/queries/LANG.tsv).
#
# Each line of LANG.tsv is a query, a tab, and the codes it must find, as
# "PROTO CODE" (with " (Vendor)" for a vendor's code) separated by ", "; a
# line that begins with # is a comment.  A query passes when every code it
# names is among the first three results of `codekb search QUERY --lang
# LANG`.  Precision at 3 is the share of a language's queries that pass;
# it must be at least 95% in every language, and each language needs at
# least 30 queries.  QUERIES_VERBOSE=1 prints every query that fails.
. "$(dirname "$0")/lib.sh"
dir="$CODEKB_SRC/tests/queries"
min_percent=95
min_queries=30
tab=$(printf '\t')

printf '# %-5s %7s %7s %6s\n' lang queries passed p_at_3
for file in "$dir"/*.tsv; do
	lang=$(basename "$file" .tsv)
	total=0
	passed=0
	: >"$work/failed"
	while IFS="$tab" read -r query want; do
		case $query in ''|'#'*) continue ;; esac
		total=$((total + 1))
		"$CODEKB" --db "$CODEKB_DEFAULT_DB" search "$query" --lang "$lang" \
			--format csv 2>/dev/null | tr -d '\r' | sed -n 2,4p |
			awk -F, '{ print $1 " " $2 }' >"$work/top"
		ok=1
		rest="$want, "
		while [ -n "$rest" ]; do
			code=${rest%%, *}
			rest=${rest#*, }
			grep -qxF -- "$code" "$work/top" || ok=0
		done
		if [ "$ok" -eq 1 ]; then
			passed=$((passed + 1))
		else
			printf '#   %s: %s wanted %s, got %s\n' "$lang" "$query" "$want" \
				"$(paste -sd ';' "$work/top")" >>"$work/failed"
		fi
	done <"$file"
	percent=$(awk -v p="$passed" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * p / t : 0 }')
	printf '# %-5s %7d %7d %5s%%\n' "$lang" "$total" "$passed" "$percent"
	if [ "$total" -lt "$min_queries" ]; then
		fail "$lang: $total queries, fewer than $min_queries"
	elif awk -v p="$percent" -v m="$min_percent" 'BEGIN { exit !(p >= m) }'; then
		pass "$lang: precision at 3 is $percent% ($passed of $total)"
	else
		fail "$lang: precision at 3 is $percent% ($passed of $total), under $min_percent%"
	fi
	if [ "${QUERIES_VERBOSE:-0}" = 1 ] || ! awk -v p="$percent" -v m="$min_percent" 'BEGIN { exit !(p >= m) }'; then
		cat "$work/failed"
	fi
done
[ "$checks" -ge 8 ] && pass "a query set for each of the $checks languages" ||
	fail "query sets for $checks languages, fewer than the 8 shipped"
[ "$failures" -eq 0 ]
