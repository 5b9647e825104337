// node --test: the JavaScript example of docs/verifiable-draws.md runs as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';

test('docs/verifiable-draws.md JavaScript example runs', async () => {
  const doc = readFileSync(new URL('../../docs/verifiable-draws.md', import.meta.url), 'utf8');
  const blocks = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 1);
  const file = new URL(`./docs-verify-${process.pid}.mjs`, import.meta.url);
  const logged = [];
  const original = console.log;
  writeFileSync(file, blocks[0]);
  console.log = (...args) => logged.push(args);
  try {
    await import(file.href);
  } finally {
    console.log = original;
    rmSync(file);
  }
  assert.deepEqual(logged, [[true], ['verified'], ['input_differs']]);
});
