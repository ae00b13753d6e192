#!/bin/sh
# bench/mcp.sh - the time of one tools/call to a running `codekb mcp`, next
# to the same answer from the command line, its peer.
#
# Usage: bench/mcp.sh [build-dir] [calls]
# For each tool, one server takes `calls` tools/call over its one
# connection, each sent when the last was answered (node writes the line
# and waits for the answer; no SDK in between), and the mean per call is
# printed; the peer is the same command run as a process of its own, its
# mean over calls/20 runs: cli_ms once (the text), cli2_ms twice, the
# second with --format json, since a call answers with the text and the
# JSON.  ratio is cli2_ms over mcp_ms.
set -eu
build=${1:-build}
calls=${2:-1000}
runs=$((calls / 20))
[ "$runs" -ge 5 ] || runs=5
codekb=$build/codekb
db=$build/codekb.db
command -v node >/dev/null || { echo "bench/mcp.sh: node is missing" >&2; exit 1; }

now() { date +%s%N; }
# peer_ms TWICE CMD...: mean wall time of CMD over $runs runs, in
# milliseconds; with TWICE 1, of CMD and then CMD --format json
peer_ms() {
	twice=$1; shift
	start=$(now)
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$codekb" --db "$db" "$@" >/dev/null 2>&1 || true
		[ "$twice" = 0 ] ||
			"$codekb" --db "$db" "$@" --format json >/dev/null 2>&1 || true
		i=$((i + 1))
	done
	end=$(now)
	echo "scale=3; ($end - $start) / 1000000 / $runs" | bc
}

# server_ms ARGUMENTS: mean time of one tools/call with ARGUMENTS ({"name":
# ..., "arguments": ...}) over $calls calls to one server, in milliseconds
server_ms() {
	node - "$codekb" "$db" "$1" "$calls" <<'JS'
const { spawn } = require('node:child_process');
const [codekb, db, call, n] = process.argv.slice(2);
const server = spawn(codekb, ['mcp', '--db', db], { stdio: ['pipe', 'pipe', 'inherit'] });
let buf = ''; let waiting = null;
server.stdout.on('data', (d) => {
  buf += d;
  let nl;
  while ((nl = buf.indexOf('\n')) >= 0) {
    const line = buf.slice(0, nl); buf = buf.slice(nl + 1);
    if (waiting) { const w = waiting; waiting = null; w(line); }
  }
});
const ask = (id, method, params) => new Promise((resolve) => {
  waiting = resolve;
  server.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
});
(async () => {
  await ask(0, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } });
  server.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
  const params = JSON.parse(call);
  for (let i = 0; i < 50; i++) await ask(i + 1, 'tools/call', params);
  const t0 = process.hrtime.bigint();
  let last;
  for (let i = 0; i < Number(n); i++) last = await ask(i + 100, 'tools/call', params);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / Number(n);
  if (!last.includes('"isError":false')) { console.error(`bench/mcp.sh: ${last.slice(0, 200)}`); process.exit(1); }
  console.log(ms.toFixed(3));
  server.stdin.end();
})();
JS
}

printf '%-36s %8s %8s %8s %7s\n' "call" "mcp_ms" "cli_ms" "cli2_ms" "ratio"
row() {
	what=$1; call=$2; shift 2
	s=$(server_ms "$call")
	p1=$(peer_ms 0 "$@")
	p2=$(peer_ms 1 "$@")
	printf '%-36s %8s %8s %8s %7s\n' "$what" "$s" "$p1" "$p2" "$(echo "scale=1; $p2 / $s" | bc)"
}
row "lookup SIP 486" \
	'{"name":"lookup","arguments":{"protocol":"SIP","code":"486"}}' show SIP 486
row "compare SIP 486 600 --lang ja" \
	'{"name":"compare","arguments":{"protocol":"SIP","a":"486","b":"600","lang":"ja"}}' \
	compare SIP 486 600 --lang ja
row "search busy" \
	'{"name":"search","arguments":{"query":"busy"}}' search busy
row "list --protocol SIP" \
	'{"name":"list","arguments":{"protocol":"SIP"}}' list --protocol SIP
row "sql SELECT count(*) FROM code" \
	'{"name":"sql","arguments":{"sql":"SELECT count(*) FROM code"}}' sql "SELECT count(*) FROM code"
