// node --test: confidentiality on every output of the npm package. Nothing shared names a
// confidential program or anyone who applied only to one, nothing shared depends on who
// applied to one, and no output carries a resident's name. The data is
// tests/fixtures/confidential/ (the Rust and Python tests use it too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import * as huaide from 'huaide';

const dir = new URL('../../tests/fixtures/confidential/', import.meta.url);
const text = (name) => readFileSync(new URL(name, dir), 'utf8');
const secrets = JSON.parse(text('secrets.json'));
const hidden = [...secrets.confidential_programs, ...secrets.confidential_only_people, ...secrets.names];
const options = { seed: secrets.seed, as_of: secrets.as_of };

function assertHidden(value, what, needles = hidden) {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  const found = needles.filter((n) => s.includes(n));
  assert.deepEqual(found, [], `${what} shows ${found}: ${s.slice(0, 1500)}`);
}

function load() {
  const plan = huaide.planFromToml(text('plan.toml'));
  const people = huaide.readPeople({ name: 'people.csv', bytes: readFileSync(new URL('people.csv', dir)) });
  const applications = huaide.readApplications(
    { name: 'applications.csv', bytes: readFileSync(new URL('applications.csv', dir)) }, undefined, plan);
  assert.ok(people.ok && applications.ok);
  assertHidden(people, 'the people table', secrets.names);
  assertHidden(applications, 'the applications table', secrets.names);
  return { plan, people: people.people, applications: applications.applications, events: JSON.parse(text('events.json')) };
}

const stripped = (d) => d.applications
  .map((a) => ({ ...a, choices: a.choices.filter((c) => !secrets.confidential_programs.includes(c)) }))
  .filter((a) => a.choices.length > 0);

test('the data has something to hide', () => {
  const d = load();
  const room = huaide.allocationForProgram(d.plan, d.people, d.applications, options, 'counselling_room');
  assert.ok(JSON.stringify(room).includes('quietone'));
});

test('the allocation, its reports and the written tables hide confidential programs', () => {
  const d = load();
  const allocation = huaide.allocate(d.plan, d.people, d.applications, options);
  assertHidden(allocation, 'allocate');
  assert.deepEqual(huaide.drawOrder(secrets.seed, allocation.draw), allocation.draw);
  for (const program of ['pottery', 'chorus']) {
    assertHidden(huaide.allocationForProgram(d.plan, d.people, d.applications, options, program), program);
  }
  const xlsx = huaide.writeTable('allocation', allocation, 'xlsx');
  const parts = unzipSync(xlsx);
  const xml = Object.entries(parts).map(([name, bytes]) => `${name}\n${strFromU8(bytes)}`).join('\n');
  assert.ok(xml.includes('pottery'));
  assertHidden(xml, 'the workbook');
  for (const sheet of ['rosters', 'decisions', 'programs', 'pottery', 'chorus']) {
    const csv = new TextDecoder().decode(huaide.writeTable('allocation', allocation, 'csv', sheet));
    assertHidden(csv, `the CSV of ${sheet}`);
  }
  const audit = huaide.auditAllocation(d.plan, d.people, d.applications, options);
  assert.deepEqual(Object.keys(audit.inputs).sort(), ['options', 'plan']);
  assertHidden(audit, 'the audit file', [...secrets.confidential_only_people, ...secrets.names]);
});

test('shared results and states do not depend on confidential data', () => {
  const d = load();
  const shared = huaide.allocate(d.plan, d.people, d.applications, options);
  assert.deepEqual(huaide.allocate(d.plan, d.people, stripped(d), options), shared);
  const sharedEvents = d.events.filter((e) => !secrets.confidential_programs.includes(e.program));
  assert.ok(sharedEvents.length < d.events.length);
  const state = huaide.replayEnrolment(d.plan, d.people, d.applications, options, d.events);
  assertHidden(state, 'the enrolment state');
  assert.deepEqual(huaide.replayEnrolment(d.plan, d.people, stripped(d), options, sharedEvents), state);
  const room = huaide.replayEnrolmentForProgram(d.plan, d.people, d.applications, options, d.events, 'counselling_room');
  assert.ok(JSON.stringify(room).includes('quietone'));
  for (const program of ['pottery', 'chorus']) {
    const one = huaide.replayEnrolmentForProgram(d.plan, d.people, d.applications, options, d.events, program);
    assertHidden(one, `the state of ${program}`);
  }
});

test('calendars carry no people, and errors name only their own row', () => {
  const d = load();
  const people = [...d.people.map((p) => p.id), ...secrets.names];
  const ics = huaide.planToIcs(d.plan, { stamp: '2006-03-01T00:00:00Z' });
  assert.ok(ics.includes('BEGIN:VEVENT'));
  assertHidden(ics, 'the .ics file', people);
  const roll = text('people.csv').replace('1975-09-30', '1975-13-45');
  const read = huaide.readPeople(roll);
  assert.equal(read.findings.length, 1);
  assertHidden(read.findings, 'a finding', [...people.filter((p) => p !== 'quiettwo'), ...secrets.names]);
  assert.throws(
    () => huaide.allocate(d.plan, d.people, [...d.applications, { person: 'r03', choices: ['chorus'] }], options),
    (err) => {
      assert.equal(err.code, 'duplicate_application');
      assertHidden(`${err.message} ${err.path} ${JSON.stringify(err.messages)}`, 'an error', people.filter((p) => p !== 'r03'));
      return true;
    },
  );
});
