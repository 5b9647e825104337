// node --test: the fast crossings give exactly what the JSON documents give. Ballot lists go
// as typed arrays (js/ballots.mjs) and must count as the same ballots read as a JSON
// document; profiles as typed arrays count as the profile document; non-plain input falls
// back to the document reader and its exact error; a trap is an `internal` error after which
// the module works again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as huaide from 'huaide';
import * as wasm from '../pkg/web/huaide.js';

const vectors = (name) =>
  JSON.parse(readFileSync(new URL(`../../tests/vectors/${name}.json`, import.meta.url), 'utf8')).cases;

/** The result (or error code and path) of `run`. */
function outcome(run) {
  try {
    return { ok: run() };
  } catch (err) {
    return { error: [err.code, err.path] };
  }
}

const viaDocument = (fn, election, ballots) =>
  JSON.parse(wasm[fn](JSON.stringify(election), JSON.stringify(ballots)));

for (const [file, fn, api] of [
  ['tally_basic', 'tally', huaide.tally], ['tally_irv', 'tally', huaide.tally],
  ['tally_stv', 'tally', huaide.tally], ['tally_condorcet', 'tally', huaide.tally],
  ['tally_graded', 'tally', huaide.tally], ['tally_committee', 'tally', huaide.tally],
  ['tally_partial', 'tallyPartial', huaide.tallyPartial],
]) {
  test(`${file}: encoded ballots count as the JSON document`, () => {
    let compared = 0;
    for (const c of vectors(file)) {
      const { election, ballots } = c.input;
      assert.deepEqual(outcome(() => api(election, ballots)),
        outcome(() => viaDocument(fn, election, ballots)), c.name);
      compared += 1;
    }
    assert.ok(compared > 5);
  });
}

test('long ballots grow the encoded arrays and count as the JSON document', () => {
  const ids = Array.from({ length: 300 }, (_, i) => `c${i}`);
  const scores = Object.fromEntries(ids.slice(0, 200).map((id, i) => [id, i % 6]));
  for (const [method, ballots] of [
    ['irv', [{ ranking: ['c5', ...ids.slice(10, 250)] }, { voter: 'v', ranking: [['c1', 'c2'], 'c9'] },
      { ranking: ['c7', 'nobody'], count: 3 }]],
    ['approval', [{ approve: ids.slice(0, 280) }, { approve: ['c1'], count: 2 }]],
    ['score', [{ scores }, { scores: { c3: 5 }, count: 4 }]],
  ]) {
    const election = { id: 'e', method, seats: 1, candidates: ids };
    const got = outcome(() => huaide.tally(election, ballots));
    assert.deepEqual(got, outcome(() => viaDocument('tally', election, ballots)), method);
    assert.ok(got.ok, `${method}: ${got.error}`);
  }
});

test('non-plain ballots fall back to the document reader and its error', () => {
  const election = { id: 'e', method: 'score', seats: 1, candidates: ['a', 'b'] };
  class Ballot { constructor() { this.ranking = ['a']; } }
  for (const ballots of [[new Ballot()], [{ ranking: ['a'], extra: 1 }], [{ scores: new Map([['a', 1]]) }],
    [{ ranking: ['a', 7] }], [{ ranking: ['a'], count: 1.5 }], [null]]) {
    const got = outcome(() => huaide.tally(election, ballots));
    assert.deepEqual(got, outcome(() => viaDocument('tally', election, ballots)));
    assert.equal(got.error?.[0] ?? got.ok.method, got.error ? 'invalid_document' : 'score');
  }
});

test('profiles as typed arrays count as the profile document', () => {
  let compared = 0;
  for (const c of vectors('tally_profile')) {
    const { election, profile } = c.input;
    if (!profile.rankings.every((r) => r.every((m) => Number.isInteger(m)))) continue;
    const lengths = profile.rankings.map((r) => r.length);
    const offsets = Uint32Array.from([0, ...lengths.map((_, i) => lengths.slice(0, i + 1).reduce((a, b) => a + b, 0))]);
    const arrays = { marks: Uint16Array.from(profile.rankings.flat()), offsets, counts: profile.counts };
    assert.deepEqual(outcome(() => huaide.tallyProfile(election, arrays)),
      outcome(() => huaide.tallyProfile(election, profile)), c.name);
    compared += 1;
  }
  assert.ok(compared > 3);
  const election = { id: 'e', method: 'irv', seats: 1, candidates: ['a', 'b'] };
  assert.deepEqual(outcome(() => huaide.tallyProfile(election, { marks: new Uint16Array([0, 1]), offsets: new Uint32Array([0, 3]) })).error,
    ['invalid_option', 'profile.offsets']);
});

test('a trap is an internal error, and the module works again', () => {
  const election = { id: 'e', method: 'plurality', seats: 1, candidates: ['a', 'b'] };
  const before = huaide.tally(election, [{ ranking: ['a'] }]);
  assert.throws(() => huaide.__panicForTests(),
    (err) => err instanceof Error && err.code === 'internal' && err.name === 'HuaideError');
  assert.deepEqual(huaide.tally(election, [{ ranking: ['a'] }]), before);
});
