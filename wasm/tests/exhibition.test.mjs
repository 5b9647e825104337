// node --test: exhibitions built from the shipped seed plan, counted over the visitors' roll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { planFromToml, exhibitionElections, tallyExhibition } from 'huaide';

const plan = planFromToml(readFileSync(new URL('../../examples/huaideyuan/plan.toml', import.meta.url), 'utf8'));
const entries = [
  { id: 'ph-1', person: 'r1', category: 'photography', title: 'PH-1' },
  { id: 'ph-2', person: 'r2', category: 'photography', title: 'PH-2', submitted_on: '2006-09-11' },
];

test('the seed exhibition builds, refuses late works and counts once per category', () => {
  const built = exhibitionElections({ plan, program: 'art_exhibition', entries, visitors: ['r3', 'r3'] });
  assert.deepEqual(built.roll, ['r3']);
  assert.deepEqual(built.findings.map((f) => [f.code, f.entry ?? f.category]),
    [['after_deadline', 'ph-2'], ['no_entries', 'calligraphy_painting'], ['no_entries', 'velvet_paste']]);
  const result = tallyExhibition(built, { photography: [{ voter: 'r3', approve: ['ph-1'] }, { voter: 'r3', approve: ['ph-1'] }] });
  assert.equal(result.voters, 1);
  assert.deepEqual(result.categories[0].result.winners, ['ph-1']);
  assert.deepEqual(result.categories[0].result.rejected.map((r) => r.code), ['duplicate_voter']);
});

test('exhibition errors are Errors with code, path and family', () => {
  assert.throws(() => exhibitionElections({ plan, program: 'nowhere', entries }),
    (err) => err instanceof Error && err.code === 'unknown_program' && err.path === 'program' && err.family === 'plan');
  const built = exhibitionElections({ plan, program: 'art_exhibition', entries });
  assert.throws(() => tallyExhibition(built, { sculpture: [] }),
    (err) => err.code === 'unknown_category' && err.path === 'ballots.sculpture');
});
