// node --test: loads the web build in headless Chromium, as a web page would, and runs every
// shared vector there. Skipped (with a message) when Chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json' };

function serve() {
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(root) || !existsSync(path)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('every vector passes in headless Chromium', { skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, async () => {
  const { chromium } = await import('playwright-core');
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const { port } = server.address();
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(`http://127.0.0.1:${port}/wasm/tests/browser/index.html`);
    await page.waitForFunction(() => window.demoWinner !== undefined, null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => window.demoWinner), 'a');
    const files = readdirSync(join(root, 'tests/vectors')).filter((f) => f.endsWith('.json')).sort();
    const report = await page.evaluate((names) => window.runVectors(names), files);
    assert.deepEqual([...errors, ...report.failures], []);
    assert.ok(report.ran >= 30, `only ${report.ran} vectors ran in the browser`);
  } finally {
    await browser.close();
    server.close();
  }
});
