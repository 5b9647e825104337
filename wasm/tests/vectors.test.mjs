// node --test: every shared vector through the npm package as Node loads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import * as huaide from 'huaide';
import { runCase } from './vectors.mjs';

const dir = new URL('../../tests/vectors/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

let count = 0;
for (const file of files) {
  const doc = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  for (const testCase of doc.cases) {
    count += 1;
    test(`${file.replace(/\.json$/, '')}:${testCase.name}`, () => {
      const failure = runCase(huaide, doc.function, testCase, isDeepStrictEqual);
      assert.equal(failure, null, failure ?? '');
    });
  }
}

test('vectors exist', () => assert.ok(count >= 30, `only ${count} vectors`));
