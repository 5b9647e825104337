// node --test: plans on plain objects, from the shipped example TOML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { planFromToml, planToToml, validatePlan, planOccurrences, planToIcs, planJsonSchema } from 'huaide';

const toml = readFileSync(new URL('../../examples/huaideyuan/plan.toml', import.meta.url), 'utf8');

test('the seed plan loads, validates and round-trips', () => {
  const plan = planFromToml(toml);
  assert.ok(plan.programs.length > 10);
  const report = validatePlan(plan);
  assert.equal(report.ok, true, JSON.stringify(report.findings));
  assert.deepEqual(planFromToml(planToToml(plan)), plan);
});

test('occurrences are sorted and the ICS is deterministic', () => {
  const plan = planFromToml(toml);
  const july = planOccurrences(plan, { from: '2006-07-01', to: '2006-07-31' });
  assert.ok(july.length > 0);
  const starts = july.map((o) => Date.parse(o.start));
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  const stamp = '2006-03-01T00:00:00Z';
  assert.equal(planToIcs(plan, { stamp }), planToIcs(plan, { stamp }));
  assert.match(planToIcs(plan, { stamp }), /^BEGIN:VCALENDAR\r\n/);
});

test('findings are data; malformed documents throw with a path', () => {
  const plan = planFromToml(toml);
  plan.programs[0].venues = ['no-such-room'];
  const report = validatePlan(plan);
  assert.equal(report.ok, false);
  assert.ok(report.findings.some((f) => f.path.startsWith('programs[0].venues')));
  plan.programs[1].capacity = 'many';
  assert.throws(() => validatePlan(plan),
    (err) => err instanceof Error && err.code === 'invalid_document' && err.path === 'programs[1].capacity');
  assert.throws(() => planFromToml('id = '), (err) => err instanceof Error && err.code === 'invalid_document');
});

test('the plan JSON Schema is JSON', () => {
  assert.equal(JSON.parse(planJsonSchema()).title, 'Plan');
});
