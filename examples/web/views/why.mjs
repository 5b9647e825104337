// Why a person got what they got: every choice's decision in words, from the codes the
// allocation gives (the place in the public draw, the waiting-list place, the audience rule
// that failed and the person's own data), in the current language.
import { h } from '../dom.mjs';
import { t, code, date } from '../i18n.mjs';

/** The explanation of `person`'s decisions (a list), or a note when they did not apply. */
export function explainPerson(personId, { allocation, people, plan }) {
  const decisions = allocation.decisions[personId];
  const person = people.find((p) => p.id === personId);
  if (!decisions) {
    return h('p', { 'data-why': 'none' }, person ? t('why.noApplication', { person: personId }) : t('why.unknown', { person: personId }));
  }
  const place = allocation.draw.indexOf(personId) + 1;
  return h('div', { 'data-why': personId },
    h('p', {}, t('why.drawPlace', { person: personId, place, total: allocation.draw.length, seed: allocation.seed })),
    person ? h('p', { class: 'hint' }, describePerson(person)) : null,
    h('ol', {}, decisions.map((d, k) => h('li', { 'data-program': d.program, 'data-code': d.code },
      h('strong', {}, t('why.choice', { rank: k + 1, program: titleOf(plan, d.program) })), ' ',
      h('span', { class: `badge ${tone(d.code)}` }, code('decision', d.code)), ' ',
      reason(d, { allocation, plan, person, place })))));
}

const titleOf = (plan, id) => plan.programs.find((p) => p.id === id)?.title ?? id;

function tone(c) {
  if (c === 'enrolled') return 'ok';
  if (c === 'waitlisted') return 'warn';
  return 'bad';
}

function describePerson(p) {
  return t('why.person', {
    residency: code('residency', p.residency),
    born: p.birth_date ? date(p.birth_date, { year: 'numeric', month: 'long', day: 'numeric' }) : t('why.noBirthDate'),
    household: p.household ?? '—',
    tags: p.tags?.length ? p.tags.join('、') : '—',
  });
}

/** The sentence after a decision's code. */
function reason(d, { allocation, plan, person, place }) {
  const outcome = allocation.programs[d.program];
  const program = plan.programs.find((p) => p.id === d.program);
  switch (d.code) {
    case 'enrolled':
      return outcome?.waitlist.length
        ? t('why.enrolledCrowded', { place, waiting: outcome.waitlist.length })
        : t('why.enrolledRoom');
    case 'waitlisted':
      return t('why.waitlisted', { position: d.position ?? '?' });
    case 'program_cancelled':
      return t(`why.cancelled.${outcome?.reason ?? 'plan_cancelled'}`, { min: program?.capacity?.min ?? 0, applicants: outcome?.applicants ?? 0 });
    case 'program_not_opened':
      return t('why.notOpened');
    case 'timetable_conflict':
    case 'limit_reached':
    case 'household_limit':
    case 'missing_prerequisite':
    case 'missing_birth_date':
      return t(`why.${d.code}`);
    default:
      return ineligible(d, program, person);
  }
}

function ineligible(d, program, person) {
  const rule = d.rule ? ruleAt(program?.audience, d.rule.path) : null;
  return h('span', {},
    d.rule ? t('why.rule', { path: d.rule.path, code: code('rule', d.rule.code) }) : t('why.ineligible'),
    rule ? [' ', t('why.ruleIs'), ' ', h('code', {}, JSON.stringify(rule))] : '',
    d.member ? [' ', t('why.member', { member: d.member })] : '',
    person && program?.schedule ? [' ', t('why.firstSession', { first: date(program.schedule.first, { year: 'numeric', month: 'long', day: 'numeric' }) })] : '');
}

/** The audience rule a failure path (`all[1].any[0].tag`) points at: all but its last step. */
function ruleAt(root, path) {
  const steps = path.split('.');
  let rule = root;
  for (const step of steps.slice(0, -1)) {
    const m = /^(all|any)\[(\d+)\]$/.exec(step);
    if (m && Array.isArray(rule?.[m[1]])) rule = rule[m[1]][Number(m[2])];
    else if (step === 'not' && rule?.not) rule = rule.not;
    else return null;
  }
  const last = steps.at(-1);
  return rule && typeof rule === 'object' && last in rule ? { [last]: rule[last] } : rule;
}
