// node --test: the JS surface beyond the vectors: real Error objects with codes and paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally, tallyMotion } from 'huaide';

const election = { id: 'photo', method: 'plurality', seats: 1, candidates: ['a', 'b'] };

test('tally returns plain objects', () => {
  const result = tally(election, [{ ranking: ['a'] }, { ranking: ['b'] }, { ranking: ['a'] }]);
  assert.deepEqual(result.winners, ['a']);
  assert.deepEqual(result.counts, { a: 2, b: 1 });
  assert.equal(typeof result.ballots.cast, 'number');
});

test('document errors are Errors with code and path', () => {
  assert.throws(
    () => tally({ ...election, seats: 'one' }, []),
    (err) => err instanceof Error && err.code === 'invalid_document' && err.path === 'election.seats',
  );
  assert.throws(
    () => tally({ ...election, candidates: ['a', 'a'] }, []),
    (err) => err instanceof Error && err.name === 'HuaideError' && err.code === 'duplicate_candidate'
      && err.path === 'election.candidates[1]',
  );
});

test('motion errors carry codes', () => {
  const motion = { members: 5, present: 6, yes: 1, no: 0, quorum: 'none', threshold: 'simple' };
  assert.throws(() => tallyMotion(motion), (err) => err instanceof Error && err.code === 'present_exceeds_members');
});
