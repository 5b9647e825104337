// node --test: the enrolment state's household hold-back through the npm package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { replayEnrolment, replayEnrolmentForProgram } from 'huaide';

const vectors = new URL('../../tests/vectors/enrol_events_household.json', import.meta.url);

test('held-back members of a confidential program are shown only on request', () => {
  const { plan, people, applications, seed, as_of: asOf } = JSON.parse(readFileSync(vectors, 'utf8')).cases[0].input;
  plan.programs[0].confidential = true;
  const options = { seed, as_of: asOf };
  assert.ok(!JSON.stringify(replayEnrolment(plan, people, applications, options, [])).includes('pottery'));
  const report = replayEnrolmentForProgram(plan, people, applications, options, [], 'pottery');
  assert.deepEqual(report.waitlist, ['a2', 'c']);
  assert.deepEqual(report.held_back, ['a2']);
  const withdraw = { type: 'withdraw', at: '2006-03-02T10:00:00+08:00', person: 'a1', program: 'pottery' };
  const after = replayEnrolmentForProgram(plan, people, applications, options, [withdraw], 'pottery');
  assert.deepEqual(after.offers.map((o) => o.people), [['a2']]);
  assert.equal(after.held_back, undefined);
});
