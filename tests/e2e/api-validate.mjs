// api-validate.mjs - checks of the JSON API of an exported site
// (static/api/v1/ of `codekb export site`) against its OpenAPI
// description, for tests/e2e/api.sh.
//
//   node api-validate.mjs schemas SITE   every file matches one path of
//       openapi.json, its path parameters their schemas, and its content
//       the schema of that path's response (JSON Schema 2020-12, ajv);
//       the files checked must include index.json, the protocol files of
//       two languages or more, 100 code files or more of every protocol,
//       a vendor's code and a code without texts
//   node api-validate.mjs broken SITE    the same schemas reject responses
//       broken on purpose, one change each
//   node api-validate.mjs urls SITE      every URL of every file names a
//       file of the export: /api/v1/... a file under static/api/v1/, and
//       /{lang}/{protocol}/{page}/ the page content/{lang}/{protocol}/{page}.md
//
// SITE is the exported folder.  Prints what it checked, or each problem on
// a line, and exits 1 if there was one.
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [mode, site] = process.argv.slice(2);
if (!["schemas", "broken", "urls"].includes(mode) || !site) {
	console.error("usage: node api-validate.mjs schemas|broken|urls SITE");
	process.exit(2);
}
const root = path.join(site, "static", "api", "v1");
const problems = [];
const problem = (what) => problems.push(what);
const read = (rel) => JSON.parse(fs.readFileSync(path.join(root, rel), "utf8"));

// every file below static/api/v1, as paths relative to it
function walk(dir, rel = "") {
	const out = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const r = rel ? `${rel}/${e.name}` : e.name;
		if (e.isDirectory()) out.push(...walk(path.join(dir, e.name), r));
		else out.push(r);
	}
	return out;
}
const files = walk(root).sort();

// The schemas of openapi.json, with their references turned from
// #/components/schemas/X into #/$defs/X of one schema that holds them all.
const doc = read("openapi.json");
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const id = "https://codekb.invalid/api/v1/openapi.json";
ajv.addSchema({
	$id: id,
	$defs: JSON.parse(JSON.stringify(doc.components.schemas)
		.replaceAll('"#/components/schemas/', '"#/$defs/')),
});
const schemaOf = (ref) => {
	const v = ajv.getSchema(id + ref.replace("#/components/schemas/", "#/$defs/"));
	if (!v) throw new Error(`openapi.json: no schema ${ref}`);
	return v;
};

// Each path of openapi.json as a pattern of file names below /api/v1/,
// with the validators of its parameters and of its response.
const routes = Object.entries(doc.paths).map(([template, item]) => {
	const op = item.get;
	const params = op.parameters || [];
	const names = [];
	const source = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
		.replace(/\\\{([a-z_]+)\\\}/g, (_, name) => {
			names.push(name);
			return "([^/]+)";
		});
	const check = {};
	for (const name of names) {
		const p = params.find((q) => q.name === name && q.in === "path");
		if (!p || !p.required) problem(`openapi.json: ${template}: no required path parameter ${name}`);
		else check[name] = ajv.compile(p.schema.$ref ? { $ref: id + p.schema.$ref.replace("#/components/schemas/", "#/$defs/") } : p.schema);
	}
	const ref = op.responses["200"].content["application/json"].schema.$ref;
	return { template, re: new RegExp(`^${source}$`), names, check, ref, validate: schemaOf(ref) };
});

const errors = (v) => ajv.errorsText(v.errors, { separator: "; " }).slice(0, 300);

if (mode === "schemas") {
	const seen = { index: 0, protocol: new Set(), codes: 0, perProtocol: {}, vendor: 0, noText: 0 };
	for (const rel of files) {
		if (rel === "openapi.json") continue;
		const url = `/api/v1/${rel}`;
		const hits = routes.filter((r) => r.re.test(url));
		if (hits.length !== 1) {
			problem(`${url}: matches ${hits.length} paths of openapi.json`);
			continue;
		}
		const r = hits[0];
		const values = url.match(r.re).slice(1);
		r.names.forEach((name, i) => {
			if (!r.check[name](values[i])) problem(`${url}: parameter ${name} '${values[i]}': ${errors(r.check[name])}`);
		});
		let body;
		try {
			body = read(rel);
		} catch (e) {
			problem(`${url}: ${e.message}`);
			continue;
		}
		if (!r.validate(body)) {
			problem(`${url}: ${errors(r.validate)}`);
			continue;
		}
		if (r.ref.endsWith("/Index")) seen.index++;
		else if (r.ref.endsWith("/ProtocolFile")) seen.protocol.add(body.lang);
		else if (r.ref.endsWith("/CodeFile")) {
			seen.codes++;
			seen.perProtocol[body.protocol] = (seen.perProtocol[body.protocol] || 0) + 1;
			if (body.vendor !== null) seen.vendor++;
			if (body.description === null && body.when_seen === null && body.how_to_fix === null) seen.noText++;
		}
	}
	const index = seen.index ? read("index.json") : { protocols: [] };
	const missing = index.protocols.filter((p) => p.codes > 0 && !seen.perProtocol[p.id]).map((p) => p.id);
	if (seen.index !== 1) problem(`index.json: checked ${seen.index} times`);
	if (seen.protocol.size < 2) problem(`protocol files of ${seen.protocol.size} languages checked, not 2 or more`);
	if (seen.codes < 100) problem(`${seen.codes} code files checked, not 100 or more`);
	if (missing.length) problem(`no code file checked of ${missing.join(", ")}`);
	if (!seen.vendor) problem("no vendor's code checked");
	if (!seen.noText) problem("no code without texts checked");
	if (!problems.length)
		console.log(`# index.json, the protocol files of ${seen.protocol.size} languages, ` +
			`${seen.codes} code files (${seen.vendor} of vendors, ${seen.noText} without texts) ` +
			`of ${Object.keys(seen.perProtocol).length} protocols (every one with codes) match openapi.json`);
}

if (mode === "broken") {
	const route = (ref) => routes.find((r) => r.ref.endsWith(ref));
	// a code file, and the file of its protocol, which has codes
	const code = files.find((f) => /^[^/]+\/[^/]+\/[^/]+\.json$/.test(f));
	const proto = code.replace(/\/[^/]+\.json$/, ".json");
	const cases = [
		["Index", "index.json", "version 2", (b) => { b.version = 2; }],
		["Index", "index.json", "a protocol without its count", (b) => { delete b.protocols[0].codes; }],
		["Index", "index.json", "a negative count", (b) => { b.protocols[0].codes = -1; }],
		["Index", "index.json", "a language URL that is not the API's", (b) => { b.protocols[0].href.en = "/en/sip/"; }],
		["ProtocolFile", proto, "a code whose vendor is ''", (b) => { b.codes[0].vendor = ""; }],
		["ProtocolFile", proto, "a code of an unknown status", (b) => { b.codes[0].status = "busy"; }],
		["ProtocolFile", proto, "a class without its name", (b) => { delete b.classes[0].name; }],
		["CodeFile", code, "a key more", (b) => { b.extra = 1; }],
		["CodeFile", code, "no href", (b) => { delete b.href; }],
		["CodeFile", code, "a number as description", (b) => { b.description = 5; }],
		["CodeFile", code, "an expiry that is not a date", (b) => { b.expires = "soon"; }],
		["CodeFile", code, "an unknown kind of fact", (b) => { b.facts.colour = { values: ["red"], sources: [] }; }],
		["CodeFile", code, "an unknown fallback field", (b) => { b.fallback = ["title"]; }],
		["CodeFile", code, "a comparison URL that is no pair", (b) => { b.comparisons = [{ code: "1", vendor: null, reason: "x", html: "/en/sip/1/" }]; }],
	];
	for (const [ref, rel, what, change] of cases) {
		const r = route(`/${ref}`);
		const body = read(rel);
		if (!r.validate(body)) {
			problem(`${rel} fails before it is broken: ${errors(r.validate)}`);
			continue;
		}
		change(body);
		if (r.validate(body)) problem(`${ref} accepts ${rel} with ${what}`);
	}
	if (!problems.length) console.log(`# the schemas reject ${cases.length} broken responses`);
}

if (mode === "urls") {
	const have = new Set(files.map((f) => `/api/v1/${f}`));
	let n = 0;
	const exists = (url) => {
		n++;
		if (url.startsWith("/api/v1/")) return have.has(url);
		const m = url.match(/^\/([^/]+)\/([^/]+)\/([^/]+)\/$/);
		return m !== null && fs.existsSync(path.join(site, "content", m[1], m[2], `${m[3]}.md`));
	};
	// every string of a key href or html, at any depth
	const urls = (v, out = []) => {
		if (Array.isArray(v)) v.forEach((x) => urls(x, out));
		else if (v && typeof v === "object") {
			for (const [k, x] of Object.entries(v)) {
				if (k === "href" && x && typeof x === "object") Object.values(x).forEach((u) => out.push(u));
				else if ((k === "href" || k === "html") && typeof x === "string") out.push(x);
				else urls(x, out);
			}
		}
		return out;
	};
	for (const rel of files) {
		if (rel === "openapi.json") continue;
		for (const url of urls(read(rel)))
			if (!exists(url)) problem(`/api/v1/${rel}: ${url} names no file of the export`);
	}
	if (!problems.length) console.log(`# ${n} URLs of ${files.length - 1} files name files of the export`);
}

for (const p of problems.slice(0, 20)) console.log(`# ${p}`);
if (problems.length > 20) console.log(`# and ${problems.length - 20} more`);
process.exit(problems.length ? 1 : 0);
