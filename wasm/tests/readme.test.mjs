// node --test: the JavaScript examples of the README and of docs/ run as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';

/** The README and every page of docs/, as text. */
function pages() {
  const root = new URL('../../', import.meta.url);
  const docs = readdirSync(new URL('docs/', root), { recursive: true })
    .filter((f) => f.endsWith('.md')).map((f) => new URL(`docs/${f}`, root));
  return [new URL('README.md', root), ...docs].map((u) => readFileSync(u, 'utf8'));
}

/** Runs the first js block of the documentation containing `marker`; returns the console.log calls. */
async function runBlock(marker) {
  const block = pages().flatMap((text) => [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]))
    .find((b) => b.includes(marker) && b.includes('import'));
  assert.ok(block, `the documentation has a js block with ${marker}`);
  const file = new URL(`./readme-${marker}-${process.pid}.mjs`, import.meta.url);
  const logged = [];
  const original = console.log;
  writeFileSync(file, block);
  console.log = (...args) => logged.push(args);
  try {
    await import(file.href);
  } finally {
    console.log = original;
    rmSync(file);
  }
  return logged;
}

test('README JavaScript example runs', async () => {
  const logged = await runBlock('import');
  assert.deepEqual(logged[0][0], ['pandas', 'peacock']);
  assert.equal(logged[1][0], true);
  assert.deepEqual(logged[2], ['invalid_seats', 'election.seats']);
});

test('README ballot files example runs', async () => {
  const logged = await runBlock('readBallots');
  assert.deepEqual(logged[0], [[{ id: '5', name: 'Chorus' }], [{ ranking: ['5'] }]]);
});

test('README exhibition example runs', async () => {
  const logged = await runBlock('exhibitionElections');
  assert.deepEqual(logged[0][0], [['photo', ['ph-02']]]);
});

test('verifiable draws example runs (docs/verifiable-draws.md)', async () => {
  const logged = await runBlock('auditTally');
  assert.deepEqual(logged, [[true], ['verified'], ['input_differs']]);
});
