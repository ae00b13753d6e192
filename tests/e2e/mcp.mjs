// mcp.mjs - drive `codekb mcp` with the MCP SDK's own client, as an MCP
// host would: initialize, list the tools, call each one and check real
// values, read a resource, then make 1,000 calls over the one connection
// and measure the server's memory and the time per call.
//
// Run by tests/e2e/mcp.sh, which gives CODEKB, MCP_DB, CODEKB_SRC and
// MCP_CODE_COUNT (sqlite3's count of the code table) in the environment.
// Prints "PASS what" or "FAIL what" per check and "# ..." for figures.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const env = process.env;
let failed = 0;
const check = (ok, what, detail) => {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what}${!ok && detail !== undefined ? `: ${String(detail).slice(0, 300)}` : ''}`);
  if (!ok) failed++;
};

// The Japanese heading of "Key differences", from the UI strings.
const jaDifferences = readFileSync(`${env.CODEKB_SRC}/data/ui/ja.csv`, 'utf8')
  .split('\n').find((l) => l.startsWith('ja,head.differences,'))
  ?.split(',').slice(2).join(',');

const rssKiB = (pid) => {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return m ? Number(m[1]) : NaN;
};

const transport = new StdioClientTransport({
  command: env.CODEKB,
  args: ['mcp', '--db', env.MCP_DB],
  stderr: 'inherit',
});
const client = new Client({ name: 'codekb-test', version: '1.0.0' });

try {
  await client.connect(transport);
  const info = client.getServerVersion();
  check(info?.name === 'codekb', 'initialize: serverInfo names codekb', JSON.stringify(info));
  const caps = client.getServerCapabilities();
  check(caps?.tools && caps?.resources, 'initialize: tools and resources capabilities', JSON.stringify(caps));
  check(transport.pid > 0, 'the server runs as a process of its own');

  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort().join(' ');
  check(names === 'compare list lookup search sql', 'tools/list gives the five tools', names);
  check(tools.every((t) => t.inputSchema?.type === 'object' && t.outputSchema?.type === 'object'),
    'every tool has an input and an output schema');

  const text = (r) => r.content?.[0]?.type === 'text' ? r.content[0].text : '';

  let r = await client.callTool({ name: 'lookup', arguments: { protocol: 'SIP', code: '486' } });
  check(!r.isError && r.structuredContent?.reason === 'Busy Here', 'lookup SIP 486: reason Busy Here', JSON.stringify(r).slice(0, 200));
  check(text(r).startsWith('# SIP 486 Busy Here\n'), 'lookup SIP 486: the text is the code page', text(r).slice(0, 80));

  // the same text and JSON as the command line, a number of several
  // meanings (HTTP 499: nginx's and Esri's) included
  const cli = (...args) => execFileSync(env.CODEKB, ['--db', env.MCP_DB, ...args], { encoding: 'utf8' });
  for (const [protocol, code] of [['SIP', '486'], ['HTTP', '499']]) {
    r = await client.callTool({ name: 'lookup', arguments: { protocol, code } });
    check(text(r) === cli('show', protocol, code), `lookup ${protocol} ${code}: the text is what codekb show prints`);
    check(isDeepStrictEqual(r.structuredContent, JSON.parse(cli('show', protocol, code, '--format', 'json'))),
      `lookup ${protocol} ${code}: the structured content is codekb show --format json`);
  }

  r = await client.callTool({ name: 'compare', arguments: { protocol: 'SIP', a: '486', b: '600', lang: 'ja' } });
  check(!r.isError && jaDifferences && text(r).includes(`## ${jaDifferences}\n`),
    `compare SIP 486 600 in ja has the heading "${jaDifferences}"`, text(r).slice(0, 120));
  check(r.structuredContent?.lang === 'ja' && r.structuredContent?.codes?.length === 2,
    'compare: the structured content is the comparison JSON', JSON.stringify(r.structuredContent).slice(0, 200));

  r = await client.callTool({ name: 'compare', arguments: { protocol: 'HTTP', a: '503', protocol_b: 'SIP', b: '503' } });
  check(!r.isError && text(r).startsWith('# HTTP 503 Service Unavailable vs SIP 503 Service Unavailable'),
    'compare across protocols with protocol_b', text(r).slice(0, 80));

  r = await client.callTool({ name: 'search', arguments: { query: 'Payload Too Large' } });
  check(text(r) === cli('search', 'Payload Too Large'), 'search: the text is what codekb search prints');
  check(!r.isError && r.structuredContent?.rows?.some((x) => x.protocol === 'HTTP' && x.code === '413'),
    'search "Payload Too Large" finds HTTP 413', JSON.stringify(r.structuredContent).slice(0, 200));

  // what search tried instead reaches the client, in the text and as note
  r = await client.callTool({ name: 'search', arguments: { query: 'gatway timeout' } });
  check(!r.isError && r.structuredContent?.note === "no code matches 'gatway timeout'; did you mean 'Gateway Timeout'?",
    'search: a typo gets the note "did you mean"', JSON.stringify(r.structuredContent?.note));
  check(text(r).startsWith("no code matches 'gatway timeout'; did you mean 'Gateway Timeout'?\n\n"),
    'search: the text begins with the note', text(r).slice(0, 80));
  check(r.structuredContent?.rows?.[0]?.code === '504', 'search: and gives the suggestion\'s codes, 504 first',
    JSON.stringify(r.structuredContent?.rows?.[0]));
  r = await client.callTool({ name: 'search', arguments: { query: '未找到', lang: 'zh' } });
  check(!r.isError && r.structuredContent?.note === undefined && r.structuredContent?.rows?.[0]?.code === '404',
    'search 未找到 in zh: HTTP 404 first, no note', JSON.stringify(r.structuredContent).slice(0, 120));

  r = await client.callTool({ name: 'list', arguments: { protocol: 'SIP', class: '4xx' } });
  const rows = r.structuredContent?.rows ?? [];
  check(!r.isError && rows.length > 10 && rows.every((x) => x.class.startsWith('4xx')) &&
    rows.some((x) => x.code === '486'), `list SIP class 4xx: ${rows.length} codes, all 4xx`);

  // the code's name in the language, beside its reason: in the page, the
  // structured content and the list's rows; none in English
  r = await client.callTool({ name: 'lookup', arguments: { protocol: 'HTTP', code: '404', lang: 'zh' } });
  check(!r.isError && r.structuredContent?.name === '未找到' && r.structuredContent?.reason === 'Not Found' &&
    text(r).startsWith('# HTTP 404 Not Found（未找到）\n'), 'lookup HTTP 404 in zh: its name 未找到 beside Not Found',
  JSON.stringify(r.structuredContent?.name) + ' ' + text(r).slice(0, 60));
  r = await client.callTool({ name: 'lookup', arguments: { protocol: 'HTTP', code: '404' } });
  check(!r.isError && r.structuredContent?.name === null, 'lookup HTTP 404 in English: name is null',
    JSON.stringify(r.structuredContent?.name));
  r = await client.callTool({ name: 'list', arguments: { protocol: 'HTTP', class: '4', lang: 'ja' } });
  check(!r.isError && (r.structuredContent?.rows ?? []).some((x) => x.code === '404' && x.name === '見つかりません') &&
    text(r).includes('見つかりません'), 'list HTTP class 4 in ja: 404 named 見つかりません',
  JSON.stringify(r.structuredContent?.rows?.[5]));
  r = await client.callTool({ name: 'compare', arguments: { protocol: 'HTTP', a: '404', b: '410', lang: 'ja' } });
  check(!r.isError && r.structuredContent?.codes?.[0]?.name === '見つかりません' &&
    text(r).startsWith('# HTTP 404 Not Found（見つかりません）と 410 Gone（'), 'compare HTTP 404 410 in ja: both names',
  text(r).slice(0, 80));

  r = await client.callTool({ name: 'sql', arguments: { sql: 'SELECT count(*) AS n FROM code' } });
  check(!r.isError && String(r.structuredContent?.rows?.[0]?.n) === env.MCP_CODE_COUNT &&
    r.structuredContent?.truncated === false,
  `sql SELECT count(*) FROM code is ${env.MCP_CODE_COUNT}, as sqlite3 says`, JSON.stringify(r.structuredContent));

  r = await client.callTool({ name: 'sql', arguments: { sql: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 5000) SELECT i FROM n' } });
  check(!r.isError && r.structuredContent?.rows?.length === 1000 && r.structuredContent?.truncated === true,
    'sql: 5000 rows come back as 1000 with truncated', JSON.stringify(r.structuredContent).slice(0, 100));

  r = await client.callTool({ name: 'lookup', arguments: { protocol: 'SIP', code: '999' } });
  check(r.isError === true && text(r).startsWith('no SIP code 999'), 'lookup SIP 999 is a tool error with the CLI\'s message', text(r));
  r = await client.callTool({ name: 'lookup', arguments: { protocol: 'SIP', code: '486', lang: 'xx' } });
  check(r.isError === true && text(r).includes("'xx'"), 'a bad lang is a tool error', text(r));

  const res = await client.readResource({ uri: 'codekb://en/SIP/486' });
  check(res.contents?.[0]?.mimeType === 'text/markdown' && res.contents[0].text.startsWith('# SIP 486 Busy Here\n'),
    'resources/read codekb://en/SIP/486 is the code page in Markdown', JSON.stringify(res).slice(0, 200));

  let listed = 0; let pages = 0; let cursor;
  const uris = [];
  do {
    const page = await client.listResources(cursor ? { cursor } : {});
    listed += page.resources.length; pages++; cursor = page.nextCursor;
    uris.push(...page.resources.map((x) => x.uri));
  } while (cursor && pages < 50);
  // every code's lookup: the client checks each against the output schema
  let bad = [];
  for (const uri of uris) {
    const [, , , protocol, code] = uri.split('/');
    try {
      const x = await client.callTool({ name: 'lookup', arguments: { protocol, code } });
      if (x.isError || x.structuredContent?.code === undefined) bad.push(`${uri}: ${text(x)}`);
    } catch (e) { bad.push(`${uri}: ${e.message}`); }
  }
  check(bad.length === 0, `lookup of each of the ${uris.length} listed codes matches the output schema`, bad.slice(0, 3).join('; '));
  const templates = await client.listResourceTemplates();
  check(listed > 400 && pages > 1, `resources/list pages through ${listed} code pages in ${pages} pages`);
  check(templates.resourceTemplates?.[0]?.uriTemplate === 'codekb://{lang}/{protocol}/{code}',
    'resources/templates/list gives codekb://{lang}/{protocol}/{code}');

  // 1,000 calls over the one connection: memory flat, time per call
  const calls = [
    { name: 'lookup', arguments: { protocol: 'SIP', code: '486' } },
    { name: 'compare', arguments: { protocol: 'SIP', a: '486', b: '600', lang: 'ja' } },
    { name: 'search', arguments: { query: 'busy' } },
    { name: 'list', arguments: { protocol: 'SIP', class: '6xx' } },
    { name: 'sql', arguments: { sql: 'SELECT protocol, code, reason FROM code LIMIT 20' } },
    { name: 'lookup', arguments: { protocol: 'SIP', code: '999' } },
  ];
  const n = Number(env.MCP_CALLS || 1000);
  const warm = 200;
  for (let i = 0; i < warm; i++) await client.callTool(calls[i % calls.length]);
  const before = rssKiB(transport.pid);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await client.callTool(calls[i % calls.length]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const after = rssKiB(transport.pid);
  console.log(`# ${n} tools/call (the six tools in turn): ${(ms / n).toFixed(3)} ms per call, round trip through the SDK`);
  console.log(`# server VmRSS ${before} kB after ${warm} calls, ${after} kB after ${n} more (${after - before >= 0 ? '+' : ''}${after - before} kB)`);
  const rssLimit = Number(env.MCP_RSS_LIMIT_KB ?? 2048);
  if (rssLimit) check(after - before < rssLimit, `memory flat over ${n} calls: ${before} kB -> ${after} kB (under +${rssLimit} kB)`);
  const limit = Number(env.MCP_MS_LIMIT || 0);
  if (limit) check(ms / n < limit, `mean time per call under ${limit} ms`, (ms / n).toFixed(3));
} catch (e) {
  check(false, 'the MCP session ran to its end', e?.stack ?? e);
} finally {
  await client.close().catch(() => {});
}
process.exit(failed ? 1 : 0);
