// The harness of the browser tests: TAP output, one headless Chromium,
// and the checks that run on every page a test visits.  Those are
// axe-core, the width check at 375 px and the Nu Html Checker, which runs
// once at the end over the HTML saved from each page.
//
// Environment: LAUREL_TEST_URL (the stack), LAUREL_E2E_OUT (a folder for
// the saved pages, screenshots and downloads), LAUREL_E2E_CHROMIUM (the
// browser, /usr/bin/chromium by default), and LAUREL_E2E_DOCS_IMAGES, a
// folder that receives copies of the screenshots when set.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const testDir = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const baseUrl = process.env.LAUREL_TEST_URL;
export const outDir = process.env.LAUREL_E2E_OUT || join(testDir, 'out');
const pagesDir = join(outDir, 'pages');
const shotsDir = join(outDir, 'screenshots');
const docsImages = process.env.LAUREL_E2E_DOCS_IMAGES || '';
mkdirSync(pagesDir, { recursive: true });
mkdirSync(shotsDir, { recursive: true });

// ---------------------------------------------------------------- TAP

let count = 0;
let failed = 0;

function comment(text) {
	for (const line of String(text).split('\n'))
		console.log(`# ${line}`);
}

export function ok(pass, name, diag) {
	count++;
	if (!pass)
		failed++;
	console.log(`${pass ? 'ok' : 'not ok'} ${count} - ${name.replace(/#/g, '\\#')}`);
	if (!pass && diag !== undefined)
		comment(diag);
	return pass;
}

export function is(got, want, name) {
	return ok(got === want, name, `got:      ${JSON.stringify(got)}\nexpected: ${JSON.stringify(want)}`);
}

export function like(text, re, name) {
	return ok(re.test(text), name, `${JSON.stringify(String(text).slice(0, 400))}\ndoes not match ${re}`);
}

export function doneTesting() {
	console.log(`1..${count}`);
	return failed === 0 && count > 0;
}

// ---------------------------------------------------------------- browser

let browser;

export async function launch() {
	browser = await chromium.launch({
		executablePath: process.env.LAUREL_E2E_CHROMIUM || '/usr/bin/chromium',
		// The test runs as root in CI, where Chromium's sandbox cannot
		// start, and containers often have a small /dev/shm.
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	return browser;
}

export async function closeBrowser() {
	if (browser)
		await browser.close();
}

// A browser context for one user, with its own cookies.  Every response
// that the main frame navigates to is kept in page.laurel.documents, so
// the checks save the HTML the server sent, not the DOM after scripts.
// Console messages of level error (a Content-Security-Policy violation
// among them) are collected and reported as a failure by checkPage.
export async function newUser(name) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		acceptDownloads: true,
	});
	context.setDefaultTimeout(20000);
	const page = await context.newPage();
	page.laurel = { name, documents: [], errors: [] };
	page.on('response', (response) => {
		const request = response.request();
		if (request.isNavigationRequest() && request.frame() === page.mainFrame())
			page.laurel.documents.push(response);
	});
	page.on('console', (message) => {
		if (message.type() === 'error')
			page.laurel.errors.push(message.text());
	});
	page.on('pageerror', (error) => page.laurel.errors.push(String(error)));
	return page;
}

// ---------------------------------------------------------------- checks

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const saved = [];		// { file, label }
const seen = new Set();
let pageNumber = 0;

// The response of the page's current document: the last main-frame
// response that is not a redirect.
function currentDocument(page) {
	const docs = page.laurel.documents;
	for (let i = docs.length - 1; i >= 0; i--) {
		const status = docs[i].status();
		if (status < 300 || status >= 400)
			return docs[i];
	}
	return null;
}

// The HTML the server sent for RESPONSE, or null when it sent none.
async function documentSource(response) {
	if (response === null || !(response.headers()['content-type'] || '').startsWith('text/html'))
		return null;
	try {
		return await response.text();
	} catch {
		return null;
	}
}

function keepSource(source, label, where) {
	pageNumber++;
	const file = join(pagesDir, `${String(pageNumber).padStart(3, '0')}-${label.replace(/[^A-Za-z0-9]+/g, '-')}.html`);
	writeFileSync(file, source);
	saved.push({ file, where });
}

// Keeps for the Nu Html Checker the first HTML document PAGE loaded from a
// path that starts with PREFIX; returns false when there was none.  Pages
// that reload themselves every second (a job or certificate in progress)
// get only this check, because axe-core and the width check need the page
// to stay loaded.
export async function validateLater(page, prefix, label) {
	for (const response of page.laurel.documents) {
		const url = new URL(response.url());
		if (!url.pathname.startsWith(prefix) || response.status() !== 200)
			continue;
		const source = await documentSource(response);
		if (source === null)
			continue;
		keepSource(source, label, `${label} (${url.pathname}, ${page.laurel.name})`);
		return true;
	}
	return false;
}

// Runs the checks of a visited page: a status below 400, no console
// errors, no serious or critical axe-core violation and no sideways
// scrolling at 375 px.  It also saves the HTML for the Nu Html Checker.
// LABEL names the page in messages.  The checks after the first two run
// once per user, label, path and query.
export async function checkPage(page, label) {
	await page.waitForLoadState('load');
	const url = new URL(page.url());
	const where = `${label} (${url.pathname}${url.search}, ${page.laurel.name})`;

	const errors = page.laurel.errors.splice(0);
	ok(errors.length === 0, `${where}: no console errors`, errors.join('\n'));
	const response = currentDocument(page);
	const status = response ? response.status() : 0;
	ok(status >= 200 && status < 400, `${where}: HTTP status ${status}`);

	const key = `${page.laurel.name} ${label} ${url.pathname}${url.search}`;
	if (seen.has(key))
		return;
	seen.add(key);

	const source = await documentSource(response);
	if (ok(source !== null, `${where}: HTML source kept`))
		keepSource(source, label, where);

	await page.evaluate(axeSource);
	const result = await page.evaluate(() =>
		// eslint-disable-next-line no-undef
		axe.run(document, { resultTypes: ['violations'] }));
	const bad = result.violations.filter((v) =>
		v.impact === 'serious' || v.impact === 'critical');
	ok(bad.length === 0, `${where}: no serious or critical axe-core violations`,
		bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  at ${v.nodes.map((n) => n.target.join(' ')).join('\n  at ')}`).join('\n'));

	await page.setViewportSize({ width: 375, height: 800 });
	const wide = await page.evaluate(() => {
		const root = document.scrollingElement;
		if (root.scrollWidth <= root.clientWidth)
			return null;
		const limit = root.clientWidth;
		const culprits = [];
		for (const el of document.body.querySelectorAll('*')) {
			const box = el.getBoundingClientRect();
			if (box.right > limit + 0.5 && el.closest('.table-wrap') === null) {
				let name = el.tagName.toLowerCase();
				if (el.id)
					name += `#${el.id}`;
				else if (el.className && typeof el.className === 'string')
					name += `.${el.className.trim().split(/\s+/).join('.')}`;
				culprits.push(`${name} right edge ${Math.round(box.right)}`);
			}
		}
		return `scrollWidth ${root.scrollWidth} > clientWidth ${limit}\n${culprits.slice(0, 12).join('\n')}`;
	});
	await page.setViewportSize({ width: 1280, height: 800 });
	ok(wide === null, `${where}: no sideways scrolling at 375 px`, wide);
}

// Saves a screenshot of the page at 1280 x 800 and, when
// LAUREL_E2E_DOCS_IMAGES is set, copies it there for the admin guide.
export async function screenshot(page, name) {
	const file = join(shotsDir, `${name}.png`);
	await page.screenshot({ path: file });
	if (docsImages) {
		mkdirSync(docsImages, { recursive: true });
		copyFileSync(file, join(docsImages, `${name}.png`));
	}
}

// Runs the Nu Html Checker once over every saved page and reports one
// result per page: any message of type "error" fails it.
export function validateSaved() {
	if (saved.length === 0)
		return;
	const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
	const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--exit-zero-always',
		...saved.map((s) => s.file)], { encoding: 'utf8', maxBuffer: 64 << 20 });
	if (!ok(run.status === 0, 'the Nu Html Checker ran', run.stderr || String(run.error)))
		return;
	let messages;
	try {
		messages = JSON.parse(run.stdout || run.stderr).messages;
	} catch (e) {
		ok(false, 'the Nu Html Checker printed JSON', String(e));
		return;
	}
	for (const s of saved) {
		const url = `file:${s.file}`;
		const errors = messages.filter((m) =>
			(m.type === 'error' || m.subType === 'fatal') &&
			decodeURIComponent(m.url || '') === url);
		ok(errors.length === 0, `${s.where}: valid HTML (Nu Html Checker)`,
			errors.map((m) => `line ${m.lastLine}: ${m.message}\n  ${(m.extract || '').replace(/\n/g, ' ')}`).join('\n'));
	}
}
