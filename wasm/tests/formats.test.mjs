// node --test: writeBallots round trips through readBallots; its errors carry code and path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBallots, writeBallots } from 'huaide';

const blt = '3 2\n-2\n[nick a b c]\n2 a b=c 0\n1 c - a 0\n0\n"Ann"\n"Bo"\n"Cy"\n"Council"\n';

test('writeBallots round trips a BLT file', () => {
  const read = readBallots(blt, 'blt');
  const text = writeBallots(read, 'blt');
  assert.equal(typeof text, 'string');
  assert.deepEqual(readBallots(text, 'blt'), read);
  const toi = writeBallots({ candidates: read.candidates, ballots: [{ ranking: ['a', ['b', 'c']] }] },
    'preflib', { data_type: 'toi', file_name: 'council.toi' });
  assert.equal(toi.split('\n')[0], '# FILE NAME: council.toi');
  assert.equal(toi.trimEnd().split('\n').at(-1), '1: 1,{2,3}');
});

test('writeBallots errors are Errors with code and path', () => {
  assert.throws(
    () => writeBallots({ candidates: ['a'], ballots: [{ ranking: [[], 'a'] }] }, 'preflib'),
    (err) => err instanceof Error && err.code === 'format_unwritable' && err.path === 'ballots[0].ranking[0]',
  );
  assert.throws(
    () => writeBallots({ candidates: ['a'], ballots: [] }, 'dominion'),
    (err) => err.code === 'format_unsupported' && err.path === 'format',
  );
});
