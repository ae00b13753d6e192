// browser.mjs - the built site in a browser (run by tests/e2e/browser.sh).
//
// Usage: node browser.mjs PUBLIC OUT UI
//   PUBLIC  the site hugo built and pagefind indexed
//   OUT     where the screenshots go
//   UI      the folder of the UI strings (data/ui), for the headings expected
//
// It serves PUBLIC over http on a free port of localhost, opens pages in
// headless Chromium (CHROMIUM, else /usr/bin/chromium) and prints one line
// per check, "ok|WHAT" or "not ok|WHAT", and "#|NOTE" for what it saw;
// browser.sh makes TAP of them.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const [publicDir, outDir, uiDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

const ok = (what) => console.log(`ok|${what}`);
const notOk = (what) => console.log(`not ok|${what}`);
const note = (what) => console.log(`#|${what}`);
const started = Date.now();
let lap = started;
// note how long the part that ends took
const took = (what) => { const now = Date.now(); note(`${what}: ${((now - lap) / 1000).toFixed(1)} s`); lap = now; };
const check = (cond, what, why = "") => (cond ? ok(what) : notOk(why ? `${what}: ${why}` : what));

// ---- the UI strings of a language: data/ui/LANG.csv (locale,key,text)
function parseCsv(text) {
	const rows = [];
	let row = [], field = "", quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ",") { row.push(field); field = ""; }
		else if (c === "\n" || c === "\r") {
			if (c === "\r" && text[i + 1] === "\n") i++;
			row.push(field); rows.push(row); row = []; field = "";
		} else field += c;
	}
	if (field !== "" || row.length) { row.push(field); rows.push(row); }
	return rows;
}
function ui(lang) {
	const m = new Map();
	for (const [, key, text] of parseCsv(readFileSync(join(uiDir, `${lang}.csv`), "utf8")).slice(1))
		m.set(key, text);
	return m;
}
const fill = (t, v) => t.replace(/\{(\w+)\}/g, (all, k) => (k in v ? v[k] : all));
// a code's reason with its name in lang beside it (code.named), as the
// site's titles give it, from data/PROTO/names-LANG.csv
function named(lang, protocol, code, reason) {
	const file = join(uiDir, "..", protocol.toLowerCase(), `names-${lang}.csv`);
	const row = parseCsv(readFileSync(file, "utf8")).find((r) => r[1] === protocol && r[2] === code && r[3] === "");
	return row && row[4] ? fill(ui(lang).get("code.named"), { reason, name: row[4] }) : reason;
}

// ---- the server: PUBLIC's files, index.html for a folder, the language's
// 404 page for anything missing
const types = {
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
	".wasm": "application/wasm", ".png": "image/png", ".svg": "image/svg+xml",
	".ico": "image/x-icon",
};
// the file a URL path names (a folder's index.html), or null
function fileOf(path) {
	const f = pathOf(path);
	if (!f || !existsSync(f)) return null;
	if (statSync(f).isDirectory()) {
		const i = join(f, "index.html");
		return existsSync(i) ? i : null;
	}
	return f;
}
// the path below PUBLIC that a URL path names, or null
function pathOf(path) {
	let p;
	try { p = decodeURIComponent(path); } catch { return null; }
	const f = normalize(join(publicDir, p));
	const top = normalize(publicDir);
	return f === top || f.startsWith(top.endsWith(sep) ? top : top + sep) ? f : null;
}
const server = createServer((req, res) => {
	const url = new URL(req.url, "http://localhost");
	const f = fileOf(url.pathname);
	if (f && !url.pathname.endsWith("/") && statSync(pathOf(url.pathname)).isDirectory()) {
		res.writeHead(301, { Location: `${url.pathname}/` });
		res.end();
	} else if (!f) {
		const lang = url.pathname.split("/")[1];
		const nf = fileOf(`/${lang}/404.html`) || fileOf("/en/404.html");
		res.writeHead(404, { "Content-Type": types[".html"] });
		res.end(req.method === "HEAD" || !nf ? "" : readFileSync(nf));
	} else {
		res.writeHead(200, { "Content-Type": types[extname(f)] || "application/octet-stream" });
		res.end(req.method === "HEAD" ? "" : readFileSync(f));
	}
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
note(`serving the site at ${base}`);

const browser = await puppeteer.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	headless: true,
	args: [...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
	       "--disable-gpu", "--disable-background-networking", "--lang=en"],
});
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 900 });
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text()); });
// a page's requests that fail, but the favicon that Chromium asks for
// and the missing page opened on purpose
page.on("response", (r) => {
	const p = new URL(r.url()).pathname;
	if (r.status() >= 400 && p !== "/favicon.ico" && p !== "/zh/sip/9999/")
		errors.push(`HTTP ${r.status()} ${p}`);
});
async function open(path) {
	const r = await page.goto(base + path, { waitUntil: "load" });
	return r.status();
}

try {
	// ---- comparison pages in Chinese and Japanese
	for (const lang of ["zh", "ja"]) {
		const path = `/${lang}/sip/486-vs-600/`;
		const status = await open(path);
		check(status === 200, `${path} is served`, `HTTP ${status}`);
		const u = ui(lang);
		const got = await page.evaluate(() => ({
			h1: document.querySelector("main h1")?.textContent.trim(),
			h2: [...document.querySelectorAll("main h2")].map((h) => h.textContent.trim()),
			h3: [...document.querySelectorAll("main h3")].map((h) => h.textContent.trim()),
			table: !!document.querySelector("main table"),
			langs: [...document.querySelectorAll("nav.languages a")].map((a) =>
				[a.getAttribute("hreflang"), a.textContent.trim(), new URL(a.href).pathname]),
		}));
		// no space follows a full-width parenthesis, as in the comparison view
		const h1 = fill(u.get("pair.title"), { protocol: "SIP", a: "486",
						     a_reason: named(lang, "SIP", "486", "Busy Here"),
						     b: "600",
						     b_reason: named(lang, "SIP", "600", "Busy Everywhere") })
			.replaceAll("） ", "）");
		check(got.h1 === h1, `${lang}: the h1 is pair.title (${h1})`, `got ${got.h1}`);
		for (const key of ["head.differences", "head.which"])
			check(got.h2.includes(u.get(key)), `${lang}: an h2 is ${key} (${u.get(key)})`, `h2s: ${got.h2.join(" / ")}`);
		for (const key of ["head.description", "head.when_seen", "head.how_to_fix"])
			check(got.h3.includes(u.get(key)), `${lang}: an h3 is ${key} (${u.get(key)})`, `h3s: ${got.h3.join(" / ")}`);
		check(got.table, `${lang}: the comparison has a facts table (main table)`, "no table in main");
		const native = { en: "English", zh: "简体中文", ja: "日本語" };
		for (const [l, name] of Object.entries(native)) {
			const a = got.langs.find(([h]) => h === l);
			check(a && a[1] === name && a[2] === `/${l}/sip/486-vs-600/`,
			      `${lang}: the language switcher links ${l} as ${name}`, a ? a.join(" ") : "no link");
		}
	}

	took("comparison pages");
	// ---- links: 200 pages, 150 breadth-first from the home pages (the
	// indexes and code pages) and 50 comparisons, evenly from the sitemaps
	{
		const queue = ["/en/", "/zh/", "/ja/"];
		const seen = new Set(queue);
		const targets = new Map();      // URL path -> a page that links it
		let pages = 0;
		// a round of pages: the server's HTML, parsed by Chromium's
		// DOMParser, which resolves each link against the page's address
		// (a <base>) as a loaded page would
		async function round(paths, follow) {
			pages += paths.length;
			const got = await Promise.all(paths.map(async (path) => {
				const r = await fetch(base + path);
				return { path, status: r.status, html: r.status === 200 ? await r.text() : "" };
			}));
			const links = await page.evaluate((got, base) => got.map(({ path, html }) => {
				const doc = new DOMParser().parseFromString(html, "text/html");
				const b = doc.createElement("base");
				b.href = base + path;
				doc.head.prepend(b);
				return [...doc.querySelectorAll("a[href], link[href], script[src]")]
					.map((e) => e.href || e.src);
			}), got, base);
			got.forEach(({ path, status }, i) => {
				if (status !== 200) targets.set(path, "(crawl)");
				for (const h of links[i]) {
					const u = new URL(h);
					if (u.origin !== base) continue;
					if (!targets.has(u.pathname)) targets.set(u.pathname, path);
					if (follow && u.pathname.endsWith("/") && !seen.has(u.pathname)) {
						seen.add(u.pathname);
						queue.push(u.pathname);
					}
				}
			});
		}
		while (queue.length && pages < 150)
			await round(queue.splice(0, 150 - pages), true);
		const pairs = ["en", "zh", "ja"].map((l) =>
			[...readFileSync(join(publicDir, l, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]*-vs-[^<]*)<\/loc>/g)]
				.map((m) => new URL(m[1], base).pathname));
		const picked = pairs.flatMap((list, i) => {
			const n = Math.floor(50 / 3) + (i < 50 % 3 ? 1 : 0);
			return Array.from({ length: n }, (_, k) => list[Math.floor((k + 0.5) * list.length / n)]);
		});
		await round(picked, false);
		took(`crawl of ${pages} pages`);
		// each target, 16 at a time
		const bad = [];
		const list = [...targets];
		await Promise.all(Array.from({ length: 16 }, async () => {
			while (list.length) {
				const [t, from] = list.pop();
				const r = await fetch(base + t, { method: "HEAD", redirect: "manual" });
				if (r.status !== 200 || !fileOf(t)) bad.push(`${t} (HTTP ${r.status}, from ${from})`);
			}
		}));
		check(pages === 200 && bad.length === 0,
		      `every internal link of ${pages} pages resolves (${targets.size} targets)`,
		      bad.slice(0, 5).join(", "));
		const r = await fetch(`${base}/zh/sip/9999/`);
		check(r.status === 404 && (await r.text()).includes("404"), "a missing page is the 404 page, HTTP 404", `HTTP ${r.status}`);
	}

	took("links");
	// ---- a protocol's index: each class with its codes, or a line that
	// says it has none (the sample has no vendor's code: SIP 7xx, 9xx)
	{
		await open("/en/sip/");
		const groups = await page.evaluate(() => [...document.querySelectorAll("main section.group")].map((g) => ({
			title: g.querySelector("h2")?.textContent.trim(),
			codes: g.querySelectorAll("ul.codes li").length,
			lists: g.querySelectorAll("ul").length,
			none: g.querySelector("p.none")?.textContent.trim() ?? null,
		})));
		const u = ui("en");
		const empty = groups.filter((g) => g.codes === 0);
		check(groups.length > 0 && groups.every((g) => g.codes > 0 ? g.none === null : g.lists === 0 && g.none === u.get("index.no_codes")),
		      `/en/sip/: a class with codes lists them, one without says "${u.get("index.no_codes")}"`,
		      JSON.stringify(groups.filter((g) => g.codes === 0 || g.none !== null)));
		note(`/en/sip/: ${groups.length} classes, ${empty.length} without codes (${empty.map((g) => g.title).join(", ")})`);
	}
	// ---- search
	async function search(path, query) {
		await open(path);
		await page.focus("#search-input");
		await page.type("#search-input", query);
		await page.waitForFunction(() => document.querySelector("#search-status").textContent !== "",
					   { timeout: 15000 });
		return page.evaluate(() => ({
			status: document.querySelector("#search-status").textContent,
			urls: [...document.querySelectorAll("#search-results a")].map((a) => new URL(a.href).pathname),
			titles: [...document.querySelectorAll("#search-results .title")].map((t) => t.textContent),
			excerpts: document.querySelectorAll("#search-results .excerpt").length,
			marks: document.querySelectorAll("#search-results .excerpt mark").length,
			tags: [...new Set([...document.querySelectorAll("#search-results .excerpt *")].map((e) => e.tagName))],
		}));
	}
	const searches = [
		["/zh/", "忙", ["/zh/sip/486/"], 5],
		["/ja/", "話中", ["/ja/sip/486/"], 5],
		["/ja/", "認証", ["/ja/sip/401/", "/ja/http/401/"], 10],
		["/en/", "Payload Too Large", ["/en/http/413/"], 1],
		// a code's name and search terms in the language (data/*/names-*.csv)
		["/zh/", "未找到", ["/zh/http/404/"], 3],
		["/ja/", "話し中", ["/ja/sip/486/"], 3],
		["/zh/", "占线", ["/zh/sip/486/"], 3],
		// a comparison, indexed by its title
		["/en/", "Busy Here vs Busy Everywhere", ["/en/sip/486-vs-600/"], 10],
	];
	for (const [path, query, want, within] of searches) {
		const r = await search(path, query);
		note(`${path} "${query}": ${r.status}; ${r.urls.slice(0, within).map((u, i) => `${i + 1}. ${u} ${r.titles[i]}`).join("; ")}`);
		const missing = want.filter((w) => !r.urls.slice(0, within).includes(w));
		check(missing.length === 0, `search ${path} "${query}": ${want.join(" and ")} among the first ${within}`,
		      `missing ${missing.join(", ")}`);
		check((r.excerpts === 0 || r.marks > 0) && r.tags.every((t) => t === "MARK"),
		      `search ${path} "${query}": excerpts keep only <mark>`,
		      `${r.excerpts} excerpts, marks ${r.marks}, tags ${r.tags.join(" ")}`);
	}
	// a code page's result is titled with its name in the language, as
	// its Markdown heading reads (front matter `named`)
	for (const [lang, query, code, reason] of [["zh", "占线", "486", "Busy Here"],
						  ["ja", "認証", "401", "Unauthorized"]]) {
		const r = await search(`/${lang}/`, query);
		const i = r.urls.indexOf(`/${lang}/sip/${code}/`);
		const want = `SIP ${code} ${named(lang, "SIP", code, reason)}`;
		check(i >= 0 && r.titles[i] === want && want !== `SIP ${code} ${reason}`,
		      `search /${lang}/ "${query}": SIP ${code}'s result is titled ${want}`,
		      i < 0 ? "not found" : `titled ${r.titles[i]}`);
	}
	{
		const r = await search("/ja/", "忙");
		note(`/ja/ "忙": ${r.status}; ${r.urls.slice(0, 3).join(" ")}`);
		const u = ui("en");
		// runes: no page has any (Pagefind matches a word it lacks by a shorter
		// start of it: "zzzz" finds "Z")
		const r2 = await search("/en/sip/486/", "ᚠᚢᚦ");
		check(r2.status === u.get("search.none"), `search "ᚠᚢᚦ": the live region says ${u.get("search.none")}`, r2.status);
		await page.keyboard.press("Escape");
		const cleared = await page.evaluate(() => document.querySelector("#search-input").value === "" &&
			document.querySelector("#search-status").textContent === "" &&
			document.querySelector("#search-results").hidden);
		check(cleared, "Escape clears the search");
		await search("/en/sip/486/", "busy");
		await page.mouse.click(5, 400);       // the left margin, beside the results
		check(await page.evaluate(() => document.querySelector(".search-panel").hidden),
		      "a click elsewhere closes the results");
		const r3 = await search("/en/", "Payload Too Large");
		await page.keyboard.press("ArrowDown");
		const focused = await page.evaluate(() => new URL(document.activeElement.href || location.href).pathname);
		check(focused === r3.urls[0], "Down moves to the first result", focused);
		await page.keyboard.press("Enter");
		await page.waitForNavigation({ waitUntil: "load" }).catch(() => {});
		check(new URL(page.url()).pathname === r3.urls[0], "Enter opens it", page.url());
	}

	took("search");
	// ---- axe: no serious or critical violation, light and dark
	for (const scheme of ["light", "dark"]) {
		await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
		for (const path of ["/en/", "/en/sip/", "/en/sip/486/", "/en/sip/486-vs-600/", "/ja/sip/486-vs-600/", "/zh/sip/486/"]) {
			await open(path);
			await page.addScriptTag({ path: axePath });
			const v = await page.evaluate(async () => (await axe.run(document, { resultTypes: ["violations"] }))
				.violations.map((x) => ({ id: x.id, impact: x.impact, targets: x.nodes.slice(0, 3).map((n) => n.target.join(" ")) })));
			const grave = v.filter((x) => x.impact === "serious" || x.impact === "critical");
			for (const x of v)
				note(`axe ${scheme} ${path}: ${x.impact} ${x.id} at ${x.targets.join(", ")}`);
			check(grave.length === 0, `axe ${scheme} ${path}: no serious or critical violation (${v.length} in all)`,
			      grave.map((x) => x.id).join(", "));
		}
	}
	took("axe");
	// and with the results open
	{
		await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
		await search("/zh/sip/486/", "忙");
		await page.addScriptTag({ path: axePath });
		const v = await page.evaluate(async () => (await axe.run(document, { resultTypes: ["violations"] }))
			.violations.map((x) => ({ id: x.id, impact: x.impact, targets: x.nodes.slice(0, 3).map((n) => n.target.join(" ")) })));
		for (const x of v)
			note(`axe dark, results open: ${x.impact} ${x.id} at ${x.targets.join(", ")}`);
		const grave = v.filter((x) => x.impact === "serious" || x.impact === "critical");
		check(grave.length === 0, "axe dark, search results open: no serious or critical violation", grave.map((x) => x.id).join(", "));
		const shot = join(outDir, "zh-search-dark.png");
		await page.screenshot({ path: shot });
		note(`screenshot ${shot}`);
	}

	took("axe with the results open");
	// ---- screenshots, light
	await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
	for (const [path, name] of [["/ja/sip/486-vs-600/", "ja-sip-486-vs-600.png"], ["/en/sip/", "en-sip.png"],
				    ["/zh/sip/486/", "zh-sip-486.png"]]) {
		await open(path);
		const shot = join(outDir, name);
		await page.screenshot({ path: shot, fullPage: true });
		note(`screenshot ${shot}`);
	}
	took("screenshots");
	check(errors.length === 0, "no script error on any page", errors.slice(0, 3).join(" | "));
} catch (e) {
	notOk(`the browser test stopped: ${e.stack || e}`);
} finally {
	await browser.close();
	server.close();
}
