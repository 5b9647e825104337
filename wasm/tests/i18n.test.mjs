// node --test: text in English and Chinese (the texts themselves are in the shared vectors):
// the `lang` option, explainDecision, message, and the `messages` of every error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainDecision, message, tallyMotion, validatePlan } from 'huaide';

const motion = {
  members: 15, present: 11, yes: 6, no: 4, abstain: 1,
  quorum: { present_at_least: { fraction: [1, 2] } }, threshold: 'simple',
};

test('lang chooses the language of the explanation and nothing else', () => {
  const en = tallyMotion(motion);
  const zh = tallyMotion(motion, { lang: 'zh' });
  assert.deepEqual(tallyMotion(motion, { lang: 'en' }), en);
  assert.deepEqual(tallyMotion(motion, null), en);
  assert.match(zh.explanation, /赞成 6 票/);
  assert.deepEqual({ ...zh, explanation: '' }, { ...en, explanation: '' });
});

test('an unknown lang is a document error at options.lang', () => {
  assert.throws(
    () => tallyMotion(motion, { lang: 'fr' }),
    (err) => err.code === 'invalid_document' && err.path === 'options.lang',
  );
  assert.throws(() => tallyMotion(motion, { language: 'zh' }), (err) => err.code === 'invalid_document');
});

test('plan findings in Chinese keep their codes and paths', () => {
  const plan = { id: '', community: 'c', year: 2006, timezone: 'Asia/Shanghai' };
  const en = validatePlan(plan);
  const zh = validatePlan(plan, { lang: 'zh' });
  assert.deepEqual(zh.findings.map((f) => [f.code, f.path]), en.findings.map((f) => [f.code, f.path]));
  assert.deepEqual(zh.findings.map((f) => f.message), ['计划编号为空']);
});

test('explainDecision and message render the catalogue', () => {
  const decision = { program: 'pottery', code: 'waitlisted', position: 2 };
  assert.equal(explainDecision(decision), 'pottery: on the waiting list, place 2.');
  assert.equal(explainDecision(decision, { lang: 'zh' }), 'pottery：进入候补名单，候补第 2 位。');
  assert.equal(message('decision.waitlisted', { program: '陶艺', position: 3 }, { lang: 'zh' }), '陶艺：进入候补名单，候补第 3 位。');
  assert.equal(message('no.such.code'), null);
});

test('every error carries its message in English and Chinese', () => {
  assert.throws(
    () => tallyMotion({ ...motion, present: 16 }),
    (err) => err.messages.en === err.message && err.messages.zh.startsWith('present：出席人数超过成员总数'),
  );
});
