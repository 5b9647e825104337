// node --test: the demo page (examples/web/) end to end in headless Chromium. Serves only
// that folder on 127.0.0.1, clicks through every view in both languages, uploads the
// Huaideyuan CSV and workbook and a form export, and checks that every number the page
// shows equals what the package gives in Node for the same inputs; that no request leaves
// the origin; that the console has no errors. Screenshots of every view, in both
// languages, at desktop and phone widths, go to target/web/. Skipped without Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as huaide from '../js/node.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const repo = fileURLToPath(new URL('../../', import.meta.url));
const web = join(repo, 'examples/web/');
const example = join(repo, 'examples/huaideyuan/');
const shots = join(repo, 'target/web/');
const types = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv',
  '.toml': 'text/plain; charset=utf-8', '.blt': 'text/plain; charset=utf-8' };
const SEED = '懷德苑 2006 enrolment draw, council meeting of 2006-03-06';
const EXHIBITION_SEED = '懷德苑 2006 art exhibition, public draw of 28 September';

/** Serves examples/web/ only, as a static site would. */
function serve() {
  const server = createServer((req, res) => {
    let path = normalize(join(web, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (path.endsWith('/')) path += 'index.html';
    if (!path.startsWith(web) || !existsSync(path) || statSync(path).isDirectory()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A number as the page writes it ("1,234", "4.421") read back. */
const number = (text) => Number(String(text).replace(/[^\d.-]/g, ''));
const bytes = (path) => new Uint8Array(readFileSync(path));

/** Everything the page should show, computed with the package in Node. */
function expected() {
  const plan = huaide.planFromToml(readFileSync(join(example, 'plan.toml'), 'utf8'));
  const people = huaide.readPeople({ name: 'people.csv', bytes: bytes(join(example, 'people.csv')) }).people;
  const applications = huaide.readApplications({ name: 'applications.xlsx', bytes: bytes(join(example, 'applications.xlsx')) }, {}, plan).applications;
  const options = { seed: SEED, as_of: '2006-03-06' };
  const allocation = huaide.allocate(plan, people, applications, options);
  const exhibition = JSON.parse(readFileSync(join(example, 'exhibition.json'), 'utf8'));
  const built = huaide.exhibitionElections({ plan, program: 'art_exhibition', entries: exhibition.entries, options: exhibition.options });
  const photography = built.elections.find((e) => e.category === 'photography').election;
  const irv = { ...photography, method: 'irv', seats: 1, tie_break: { ...photography.tie_break, seed: EXHIBITION_SEED } };
  const typed = huaide.readBallots(readFileSync(join(web, 'samples/photography-ballots.csv'), 'utf8'), 'csv');
  const form = huaide.readBallots({ name: 'google_forms.csv', bytes: bytes(join(repo, 'tests/fixtures/tables/google_forms.csv')) }, 'google_forms', { question: 'Rank' });
  const blt = huaide.readBallots(readFileSync(join(web, 'samples/calligraphy.blt'), 'utf8'), 'blt');
  const stv = { id: blt.title, method: 'stv', seats: 3, candidates: blt.candidates, tie_break: { seed: EXHIBITION_SEED } };
  const votes = JSON.parse(readFileSync(join(example, 'votes.json'), 'utf8')).motion.vote;
  return {
    plan, people, applications, allocation, options,
    workbook: huaide.writeTable('allocation', allocation),
    typedResult: huaide.tally(irv, typed.ballots),
    irv, typedBallots: typed.ballots,
    formResult: huaide.tally(irv, form.ballots),
    stvResult: huaide.tally(stv, blt.ballots),
    motion: huaide.tallyMotion(votes),
    motionTwoThirds: huaide.tallyMotion({ ...votes, yes: 7, no: 4, abstain: 1, threshold: 'two_thirds' }),
    tenDraw: huaide.drawOrder(SEED, Array.from({ length: 10 }, (_, k) => `r${String(k + 1).padStart(3, '0')}`)),
  };
}

/** A plan with two mistakes (the chorus in the meeting room, at the policy study's time). */
function draftPlan(plan) {
  const draft = structuredClone(plan);
  const chorus = draft.programs.find((p) => p.id === 'chorus');
  const study = draft.programs.find((p) => p.id === 'policy_study');
  chorus.venues = [...study.venues];
  chorus.schedule = { ...chorus.schedule, first: study.schedule.first, time: study.schedule.time, rrule: study.schedule.rrule };
  return draft;
}

test('the demo page, every view in both languages, equals the package', {
  skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}`, timeout: 120_000,
}, async () => {
  execFileSync(join(web, 'build.sh'), { stdio: 'pipe' });
  mkdirSync(shots, { recursive: true });
  const want = expected();
  const { chromium } = await import('playwright-core');
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  const requests = [];
  let page;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (err) => problems.push(`page error: ${err}`));
    await page.goto(`${origin}/?lang=zh`);
    await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const keys = Object.keys((await import(join(web, 'strings.mjs'))).strings.en);

    const view = async (id) => {
      await page.click(`#tab-${id}`);
      await page.waitForSelector(`#view-${id}:not([hidden])`);
    };
    /** Fails on any string key shown as itself, any control without a label. */
    const audit = async (id) => {
      const text = await page.innerText(`#view-${id}`);
      const shown = keys.filter((k) => text.includes(k));
      assert.deepEqual(shown, [], `${id}: untranslated keys`);
      const unlabelled = await page.$$eval(`#view-${id} input, #view-${id} select, #view-${id} textarea, #view-${id} button`,
        (els) => els.filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim()))).map((el) => el.id || el.outerHTML.slice(0, 60)));
      assert.deepEqual(unlabelled, [], `${id}: controls without a label`);
    };
    const shot = async (name) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    };

    // ---- 1. the plan -------------------------------------------------------------------
    const week = huaide.planOccurrences(want.plan, { from: '2006-03-06', to: '2006-03-12' });
    await page.waitForSelector('[data-sessions]');
    assert.equal(number(await page.getAttribute('[data-sessions]', 'data-sessions')), week.length);
    for (const o of week) assert.ok(await page.$(`[data-occurrence="${o.id}"]`), `week shows ${o.id}`);
    const rows = await page.$$eval('#view-plan table', (tables) => tables[0].querySelectorAll('tbody tr').length);
    assert.equal(rows, want.plan.programs.length);
    await page.selectOption('#plan-span', 'month');
    const month = huaide.planOccurrences(want.plan, { from: '2006-03-01', to: '2006-03-31' });
    await page.waitForFunction((n) => document.querySelector('[data-sessions]')?.dataset.sessions === String(n), month.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#plan-ics')]);
    const ics = readFileSync(await download.path(), 'utf8');
    const stamp = /DTSTAMP:(\d{8}T\d{6}Z)/.exec(ics)[1];
    const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
    assert.equal(ics, huaide.planToIcs(want.plan, { stamp: iso }), 'the .ics is the package’s');
    await audit('plan');
    await shot('plan-zh');
    // A plan with mistakes, uploaded: the findings shown are the package's.
    const draft = draftPlan(want.plan);
    const dir = mkdtempSync(join(tmpdir(), 'huaide-web-'));
    writeFileSync(join(dir, 'draft.json'), JSON.stringify(draft));
    await page.setInputFiles('#plan-file', join(dir, 'draft.json'));
    const report = huaide.validatePlan(draft);
    assert.ok(report.errors > 0);
    await page.waitForFunction((n) => document.querySelector('[data-errors]')?.dataset.errors === String(n), report.errors);
    const findings = await page.$$eval('[data-finding]', (els) => els.map((el) => [el.dataset.finding, el.textContent]));
    assert.deepEqual(findings, report.findings.map((f) => [f.path, f.code]));
    await shot('plan-findings-zh');
    await page.click('#plan-seed'); // back to the Huaideyuan plan
    await page.waitForFunction(() => document.querySelector('[data-errors]')?.dataset.errors === '0');

    // ---- 2. enrolment: the CSV and the workbook uploaded -------------------------------
    await view('enrol');
    await page.setInputFiles('#enrol-people', join(example, 'people.csv'));
    await page.setInputFiles('#enrol-applications', join(example, 'applications.xlsx'));
    assert.ok(await page.isChecked('#enrol-source-upload'));
    await page.click('#enrol-run');
    await page.waitForSelector('#enrol-results[data-run="1"]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('#enrol-stage', 'data-stage'), 'done');
    const checkPrograms = async (allocation, plan) => {
      for (const p of plan.programs.filter((x) => x.capacity)) {
        const o = allocation.programs[p.id];
        if (!o) { assert.equal(await page.$(`[data-enrolled="${p.id}"]`), null, `${p.id} is confidential`); continue; }
        assert.equal(number(await page.textContent(`[data-enrolled="${p.id}"]`)), o.enrolled.length, `${p.id} enrolled`);
        assert.equal(number(await page.textContent(`[data-waitlist="${p.id}"]`)), o.waitlist.length, `${p.id} waiting`);
        assert.equal(number(await page.textContent(`[data-applicants="${p.id}"]`)), o.applicants, `${p.id} applicants`);
      }
    };
    await checkPrograms(want.allocation, want.plan);
    for (const p of want.plan.programs.filter((x) => x.conditions?.length)) {
      const opened = want.allocation.programs[p.id].reason !== 'conditions_not_met';
      assert.equal(await page.getAttribute(`[data-conditional="${p.id}"]`, 'data-opened'), String(opened));
    }
    await page.fill('#enrol-person', 'r012');
    await page.click('#enrol-explain');
    await page.waitForSelector('[data-why="r012"]');
    const why = await page.$$eval('[data-why="r012"] li', (els) => els.map((el) => [el.dataset.program, el.dataset.code]));
    assert.deepEqual(why, want.allocation.decisions.r012.map((d) => [d.program, d.code]));
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#enrol-xlsx')]);
    assert.deepEqual(new Uint8Array(readFileSync(await xlsx.path())), want.workbook, 'the workbook is the package’s');
    await audit('enrol');
    await shot('enrol-zh');
    // A generated sample of 3,000 residents: the same tables in Node give the same seats.
    const { samplePeople, sampleApplications } = await import(join(web, 'sample.mjs'));
    await page.fill('#enrol-size', '3000');
    await page.click('#enrol-run');
    await page.waitForSelector('#enrol-results[data-run="2"]', { timeout: 30_000 });
    const samplePeopleList = [...samplePeople(3000, 'sample 2006')].flat();
    const sampleApps = sampleApplications(want.plan, samplePeopleList, 'sample 2006');
    const sample = huaide.allocate(want.plan, samplePeopleList, sampleApps, want.options);
    await checkPrograms(sample, want.plan);

    // ---- 3. the exhibition vote --------------------------------------------------------
    await view('vote');
    const checkCount = async (result, run) => {
      await page.waitForSelector(`#vote-results[data-run="${run}"]`);
      const winners = await page.$$eval('[data-winner]', (els) => els.map((el) => el.dataset.winner));
      assert.deepEqual(winners, result.winners, `count ${run}: winners`);
      for (const r of result.rounds) {
        for (const [c, v] of Object.entries(r.tally)) {
          const cell = number((await page.textContent(`[data-cell="${c}@${r.round}"]`)).split(' ')[0]);
          assert.ok(Math.abs(cell - Number(v)) < 0.001, `count ${run}: ${c} in round ${r.round}: ${cell} ≠ ${v}`);
        }
        const inactive = Object.values(r.inactive).reduce((n, x) => n + Number(x ?? 0), 0);
        assert.ok(Math.abs(number(await page.textContent(`[data-cell="inactive@${r.round}"]`)) - inactive) < 0.001);
        for (const tr of r.transfers ?? []) {
          for (const [to, v] of Object.entries(tr.to)) {
            assert.ok(Math.abs(number(await page.textContent(`[data-transfer="${tr.from}>${to}@${r.round}"]`)) - Number(v)) < 0.001);
          }
          if (Number(tr.exhausted) > 0) {
            assert.ok(Math.abs(number(await page.textContent(`[data-transfer="${tr.from}>exhausted@${r.round}"]`)) - Number(tr.exhausted)) < 0.001);
          }
        }
      }
      assert.ok(await page.$('#vote-rounds') && await page.$('#vote-sankey'), 'both charts drawn');
    };
    await page.click('#vote-example-typed');
    await page.waitForFunction(() => document.querySelector('#vote-typed').value.length > 0);
    await page.click('#vote-count');
    await checkCount(want.typedResult, 1);
    await shot('vote-typed-zh');
    await page.setInputFiles('#vote-file', join(repo, 'tests/fixtures/tables/google_forms.csv'));
    await page.selectOption('#vote-format', 'google_forms');
    await page.fill('#vote-question', 'Rank');
    await page.click('#vote-count');
    await checkCount(want.formResult, 2);
    await page.click('#vote-example-file');
    await checkCount(want.stvResult, 3);
    await audit('vote');
    await shot('vote-zh');

    // ---- 4. a council motion -----------------------------------------------------------
    await view('motion');
    const checkMotion = async (result) => {
      await page.waitForFunction(({ required, cast }) => document.querySelector('[data-required]')?.dataset.required === String(required)
        && document.querySelector('[data-cast]')?.dataset.cast === String(cast), result);
      assert.equal(await page.getAttribute('#motion-verdict', 'data-passed'), String(result.passed));
      assert.equal(await page.getAttribute('[data-quorum-met]', 'data-quorum-met'), String(result.quorum_met));
    };
    await checkMotion(want.motion);
    assert.match(await page.textContent('#motion-explanation'), /动议通过/);
    await audit('motion');
    await shot('motion-zh');

    // ---- 5. replay a draw --------------------------------------------------------------
    await view('draw');
    await page.click('#draw-run');
    await page.waitForSelector('#draw-result[data-run="1"]');
    assert.deepEqual(await page.$$eval('#draw-result li[data-id]', (els) => els.map((el) => el.dataset.id)), want.tenDraw);
    await page.click('#draw-from-enrolment');
    await page.waitForSelector('#draw-result[data-run="2"]');
    // The shared draw is the lottery over the applicants to shared programs (those who
    // applied to the confidential counselling room only are not in it): replayed from the
    // ids it ranks, it is the published order itself.
    const applicants = new Set(sampleApps.map((a) => a.person));
    assert.ok(sample.draw.length < applicants.size, 'the sample has confidential-only applicants');
    assert.equal(await page.getAttribute('#draw-check', 'data-match'), 'true');
    assert.deepEqual(await page.$$eval('#draw-result li[data-id]', (els) => els.map((el) => el.dataset.id)), sample.draw);
    assert.deepEqual(huaide.drawOrder(SEED, sample.draw), sample.draw);
    // A published audit file, dropped on the page, is re-run by verify.
    const audits = mkdtempSync(join(tmpdir(), 'huaide-audit-'));
    const tallied = huaide.auditTally(want.irv, want.typedBallots);
    writeFileSync(join(audits, 'vote.audit.json'), JSON.stringify(tallied));
    const edited = structuredClone(tallied);
    edited.inputs.ballots = edited.inputs.ballots.slice(1);
    writeFileSync(join(audits, 'edited.audit.json'), JSON.stringify(edited));
    const enrolment = huaide.auditAllocation(want.plan, want.people, want.applications,
      { ...want.options, commitment: huaide.seedCommitment(SEED) });
    writeFileSync(join(audits, 'enrolment.audit.json'), JSON.stringify(enrolment));
    for (const [name, code] of [['vote', 'verified'], ['edited', 'input_differs'], ['enrolment', 'inputs_withheld']]) {
      assert.equal(huaide.verify(JSON.parse(readFileSync(join(audits, `${name}.audit.json`), 'utf8'))).code, code);
      await page.setInputFiles('#draw-audit-file', join(audits, `${name}.audit.json`));
      await page.waitForSelector(`#draw-audit-check[data-code="${code}"]`);
    }
    await page.setInputFiles('#draw-audit-file', join(audits, 'edited.audit.json'));
    await page.waitForSelector('#draw-audit-check[data-code="input_differs"]');
    assert.ok((await page.$$eval('#draw-audit-differences li', (els) => els.map((el) => el.dataset.code))).includes('input_differs'));
    await audit('draw');
    await shot('draw-zh');

    // ---- keyboard: the tabs follow the arrow keys ---------------------------------------
    await page.focus('#tab-draw');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-plan');
    assert.equal(await page.getAttribute('#tab-plan', 'aria-selected'), 'true');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-draw');

    // ---- phone width, Chinese ----------------------------------------------------------
    const ids = ['plan', 'enrol', 'vote', 'motion', 'draw'];
    await page.setViewportSize({ width: 390, height: 844 });
    for (const id of ids) { await view(id); await shot(`${id}-zh-phone`); }

    // ---- English: the switch, every view again -----------------------------------------
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('#lang');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.textContent('#tab-plan')).trim(), 'Plan');
    for (const id of ids) { await view(id); await audit(id); await shot(`${id}-en`); }
    await view('enrol');
    await checkPrograms(sample, want.plan);
    await view('vote');
    assert.deepEqual(await page.$$eval('[data-winner]', (els) => els.map((el) => el.dataset.winner)), want.stvResult.winners);
    await view('motion');
    assert.equal(await page.textContent('#motion-explanation'), want.motion.explanation, 'English: the library’s explanation');
    await page.fill('#motion-yes', '7');
    await page.fill('#motion-no', '4');
    await page.selectOption('#motion-threshold', 'two_thirds');
    await checkMotion(want.motionTwoThirds);
    assert.equal(await page.textContent('#motion-explanation'), want.motionTwoThirds.explanation);
    await shot('motion-en');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const id of ids) { await view(id); await shot(`${id}-en-phone`); }

    // ---- nothing left the origin, nothing went wrong -----------------------------------
    const away = requests.filter((url) => !(url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('data:')));
    assert.deepEqual(away, [], 'requests outside the origin');
    assert.ok(requests.some((url) => url.endsWith('/huaide/pkg/web/huaide_bg.wasm')), 'the package came from the page’s folder');
    assert.deepEqual(problems, []);
  } catch (err) {
    await page?.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
    if (problems.length) err.message += `\n${problems.join('\n')}`;
    throw err;
  } finally {
    await browser.close();
    server.close();
  }
});
