// search.js - the search box of the header (layouts/partials/search.html).
//
// On first focus or key, it loads Pagefind's index of the page's language
// (pagefind/, made by `pagefind --site` over the built site, beside js/),
// then searches as the reader types, a moment after the last key, and
// lists the pages found, the codes' own pages first (the filter kind of
// layouts/partials/search.html), each a link with the page's title and an
// excerpt.
// Titles and excerpts are put in as text; of the excerpt's markup only
// Pagefind's <mark> around the words found is kept.  A live region says
// how many pages were found.  Down and Up move between the input and the
// links, Escape clears the search.
const form = document.querySelector("form.search");
const shown = 10;       // results listed
const wait = 200;       // ms after the last key

// The site's root: this file is /js/search.js below it.
const root = new URL("../", import.meta.url);

// Fill the count template of the UI strings (search.count): {count}, and
// {count|TEST:FORM|...|FORM} with the tests a number takes, =N and <N
// (and ^TEXT and $TEXT), as lib/grammar.c does; the last form has no test.
export function fillCount(template, n) {
	const value = String(n);
	return template.replace(/\{count(?:\|([^{}]*))?\}/g, (all, cases) => {
		if (cases === undefined)
			return value;
		for (const c of cases.split("|")) {
			const m = /^([=^$<])([^:]*):(.*)$/s.exec(c);
			if (!m)
				return c;
			const [, test, arg, text] = m;
			if ((test === "=" && value === arg) ||
			    (test === "^" && value.startsWith(arg)) ||
			    (test === "$" && value.endsWith(arg)) ||
			    (test === "<" && arg !== "" && Number(value) < Number(arg)))
				return text;
		}
		return "";
	});
}

// Append Pagefind's excerpt (HTML of the page's text) to el: its text,
// with <mark> kept around the words found and every other tag dropped.
// The HTML is parsed in an inert document, nothing of which is inserted.
function appendExcerpt(el, html) {
	const doc = new DOMParser().parseFromString(`<body>${html}`, "text/html");
	for (const node of doc.body.childNodes) {
		if (node.nodeName === "MARK") {
			const mark = document.createElement("mark");
			mark.textContent = node.textContent;
			el.append(mark);
		} else {
			el.append(node.textContent);
		}
	}
}

function init(form) {
	const input = form.querySelector("input");
	const list = form.querySelector(".search-results");
	const status = form.querySelector("[role=status]");
	const panel = form.querySelector(".search-panel");
	let loading = null;
	let timer = 0;
	let seq = 0;

	function load() {
		loading ??= import(new URL("pagefind/pagefind.js", root).href)
			.then(async (pagefind) => {
				// result URLs below the site's root, wherever it is served
				await pagefind.options({ baseUrl: root.pathname });
				await pagefind.init();
				return pagefind;
			});
		return loading;
	}

	function clear() {
		seq++;
		clearTimeout(timer);
		list.replaceChildren();
		list.hidden = true;
		status.textContent = "";
	}

	async function search() {
		const query = input.value.trim();
		const mine = ++seq;
		panel.hidden = false;
		if (query === "") {
			clear();
			return;
		}
		let found;
		try {
			const pagefind = await load();
			// the code pages found first, then the indexes and the
			// comparisons (indexed by their titles) that name them
			const [codes, all] = await Promise.all([
				pagefind.search(query, { filters: { kind: "code" } }),
				pagefind.search(query)]);
			const first = new Set(codes.results.map((x) => x.id));
			const ranked = [...codes.results, ...all.results.filter((x) => !first.has(x.id))];
			found = { total: all.results.length,
				  pages: await Promise.all(ranked.slice(0, shown).map((x) => x.data())) };
		} catch (e) {
			if (mine !== seq)
				return;
			list.replaceChildren();
			list.hidden = true;
			status.textContent = form.dataset.unavailable;
			return;
		}
		if (mine !== seq)
			return;         // a later search has started
		const items = found.pages.map((page) => {
			const li = document.createElement("li");
			const a = document.createElement("a");
			const title = document.createElement("span");
			const excerpt = document.createElement("span");
			a.href = page.url;
			title.className = "title";
			title.textContent = page.meta?.title || page.url;
			excerpt.className = "excerpt";
			appendExcerpt(excerpt, page.excerpt || "");
			a.append(title);
			// a comparison's excerpt is its title again
			if (excerpt.textContent.trim() !== title.textContent.trim())
				a.append(excerpt);
			li.append(a);
			return li;
		});
		list.replaceChildren(...items);
		list.hidden = items.length === 0;
		status.textContent = found.total === 0 ? form.dataset.none
			: fillCount(form.dataset.count, found.total);
	}

	function links() {
		return [...list.querySelectorAll("a")];
	}

	input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
	// the results close when the reader clicks elsewhere, and open again
	// on coming back to the box
	input.addEventListener("focus", () => { panel.hidden = false; });
	document.addEventListener("click", (e) => {
		if (!form.contains(e.target))
			panel.hidden = true;
	});
	input.addEventListener("input", () => {
		clearTimeout(timer);
		timer = setTimeout(search, wait);
	});
	form.addEventListener("submit", (e) => {
		e.preventDefault();
		const first = links()[0];
		if (first)
			first.click();
		else
			search();
	});
	form.addEventListener("keydown", (e) => {
		const all = links();
		const at = all.indexOf(document.activeElement);
		if (e.key === "Escape") {
			input.value = "";
			clear();
			input.focus();
		} else if (e.key === "ArrowDown" && all.length) {
			all[Math.min(at + 1, all.length - 1)].focus();
		} else if (e.key === "ArrowUp" && at >= 0) {
			(at === 0 ? input : all[at - 1]).focus();
		} else {
			return;
		}
		e.preventDefault();
	});
}

if (form)
	init(form);
