// node --test: the README's JavaScript example runs as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';

test('README JavaScript example runs', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = readme.match(/```js\n([\s\S]*?)```/);
  assert.ok(block, 'README has a js block');
  const file = new URL(`./readme-example-${process.pid}.mjs`, import.meta.url);
  const logged = [];
  const original = console.log;
  writeFileSync(file, block[1]);
  console.log = (...args) => logged.push(args);
  try {
    await import(file.href);
  } finally {
    console.log = original;
    rmSync(file);
  }
  assert.deepEqual(logged[0][0], ['pandas', 'peacock']);
  assert.equal(logged[1][0], true);
  assert.deepEqual(logged[2], ['invalid_seats', 'election.seats']);
});

test('README ballot files example runs', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1])
    .find((b) => b.includes('readBallots'));
  assert.ok(block, 'README has a readBallots block');
  const file = new URL(`./readme-ballots-${process.pid}.mjs`, import.meta.url);
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
  assert.deepEqual(logged[0], [[{ id: '5', name: 'Chorus' }], [{ ranking: ['5'] }]]);
});

test('README exhibition example runs', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1])
    .find((b) => b.includes('exhibitionElections'));
  assert.ok(block, 'README has an exhibition js block');
  const file = new URL(`./readme-exhibition-${process.pid}.mjs`, import.meta.url);
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
  assert.deepEqual(logged[0][0], [['photo', ['ph-02']]]);
});
