// The package's TypeScript declarations: generated from the schema bundle and current, and
// precise enough that `tsc --strict` accepts correct calls and rejects wrong ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OUTPUT, wireTypes } from '../scripts/wire-types.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

test('types/wire.d.ts is generated from schema/wire.schema.json', async () => {
  const committed = readFileSync(OUTPUT, 'utf8');
  assert.ok(committed === (await wireTypes()), 'stale: run node scripts/wire-types.mjs');
});

test('huaide.d.ts declares the functions with the wire types', () => {
  const dts = readFileSync(here('../js/huaide.d.ts'), 'utf8');
  assert.match(dts, /export function tally\(election: Election, ballots: Ballot\[\]\): TallyResult;/);
  assert.match(readFileSync(OUTPUT, 'utf8'), /export interface Plan \{/);
  const untyped = dts.split('\n').filter((line) => /^export function .*\bany\b/.test(line));
  assert.deepEqual(untyped, [], 'every parameter and result has a wire type');
});

test('tsc --strict accepts typed calls (usage.ts, the README) and rejects misuse', () => {
  const readme = readFileSync(here('../../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length > 0, 'the README has a TypeScript example');
  const generated = blocks.map((block, i) => {
    const file = here(`types/readme-${process.pid}-${i}.ts`);
    writeFileSync(file, `${block}export {};\n`);
    return file;
  });
  const tsc = here('../node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', here('types/tsconfig.json')], { encoding: 'utf8' });
  } catch (err) {
    assert.fail(`tsc reported errors:\n${err.stdout}${err.stderr}`);
  } finally {
    generated.forEach((file) => rmSync(file));
  }
});
