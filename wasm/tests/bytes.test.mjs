// node --test: every shared vector gives the same bytes from the WebAssembly build as from
// the native core. `cargo test -p huaide --test vectors` with HUAIDE_VECTOR_TEXTS=FILE writes
// the native wire text of every case (test.sh does, to target/vector-texts.json); here the
// same case runs through the npm package and the text the module returned (before
// `JSON.parse`) must be equal to it, byte for byte. Without the file the test is skipped,
// unless HUAIDE_REQUIRE_VECTOR_TEXTS=1 (test.sh sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as huaide from 'huaide';
import { call } from './vectors.mjs';

const root = new URL('../../', import.meta.url);
const textsPath = process.env.HUAIDE_VECTOR_TEXTS
  ?? new URL('target/vector-texts.json', root).pathname;
const required = process.env.HUAIDE_REQUIRE_VECTOR_TEXTS === '1';
const present = existsSync(textsPath);
const native = present ? JSON.parse(readFileSync(textsPath, 'utf8')) : {};
const dir = new URL('tests/vectors/', root);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** Runs `fn` and returns its result with every text the module's results were parsed from. */
function recording(fn) {
  const parse = JSON.parse;
  const texts = [];
  JSON.parse = (text, reviver) => {
    texts.push(text);
    return parse(text, reviver);
  };
  try {
    return { result: fn(), texts };
  } finally {
    JSON.parse = parse;
  }
}

/** The wire text of a JS result, as the core's serde_json writes the same value. */
function wireText(fn, result, texts) {
  const last = texts.at(-1);
  switch (fn) {
    // Functions that return text as it is: as a JSON string, the form the native file has.
    case 'plan_ics':
    case 'write_ballots':
    case 'seed_commitment':
    case 'mix_seed':
    case 'write_table':
      assert.equal(typeof result, 'string', `${fn} returns text`);
      return JSON.stringify(result);
    case 'rctab_report':
      return `{"json":${last},"csv":${JSON.stringify(result.csv)}}`;
    default:
      assert.ok(last !== undefined, `${fn}: no result text was parsed`);
      return last;
  }
}

test('the native wire texts are there', { skip: !present && !required && `no ${textsPath}: run cargo test -p huaide --test vectors with HUAIDE_VECTOR_TEXTS set` }, () => {
  assert.ok(present, `${textsPath} is missing (HUAIDE_REQUIRE_VECTOR_TEXTS=1)`);
});

for (const file of present ? files : []) {
  const doc = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  test(`${file.replace(/\.json$/, '')}: wasm bytes equal native bytes`, () => {
    const want = native[file];
    assert.ok(want, `${file} has no native texts (stale ${textsPath}?)`);
    let compared = 0;
    for (const testCase of doc.cases) {
      const expected = want[testCase.name];
      assert.ok(expected, `${file}:${testCase.name} has no native text`);
      let run;
      try {
        run = recording(() => call(huaide, doc.function, testCase.input));
      } catch (err) {
        assert.equal(err.code, expected.error, `${testCase.name}: threw ${err.code}: ${err.message}`);
        compared += 1;
        continue;
      }
      assert.ok('ok' in expected, `${testCase.name}: native failed with ${expected.error}, wasm succeeded`);
      const got = wireText(doc.function, run.result, run.texts);
      assert.ok(got === expected.ok,
        `${file}:${testCase.name}: bytes differ\n native ${expected.ok.slice(0, 400)}\n wasm   ${got.slice(0, 400)}`);
      compared += 1;
    }
    assert.equal(compared, doc.cases.length);
  });
}
