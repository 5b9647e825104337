// The shared vectors (tests/vectors/*.json) against the JS API: used by the Node test and,
// unchanged, inside the browser page of the browser test.

/** Calls the JS API named by a vector file; returns the wire-format result. */
export function call(huaide, fn, input) {
  const rest = ({ plan, ...others }) => others;
  const options = ({ plan, people, applications, events, ...others }) => others;
  const exhibition = ({ ballots, ...request }) => request;
  const calls = {
    tally: (d) => huaide.tally(d.election, d.ballots),
    tally_profile: (d) => huaide.tallyProfile(d.election, d.profile),
    tally_partial: (d) => huaide.tallyPartial(d.election, d.ballots),
    merge_partials: (d) => huaide.mergePartials(d.election, d.partials),
    tally_motion: ({ lang, ...motion }) => huaide.tallyMotion(motion, lang === undefined ? undefined : { lang }),
    explain_decision: (d) => huaide.explainDecision(d.decision, d.lang === undefined ? undefined : { lang: d.lang }),
    draw_order: (d) => huaide.drawOrder(d.seed, d.ids),
    plan_validate: (d) => huaide.validatePlan(d.plan, d.lang === undefined ? undefined : { lang: d.lang }),
    plan_occurrences: (d) => huaide.planOccurrences(d.plan, rest(d)),
    plan_ics: (d) => huaide.planToIcs(d.plan, rest(d)),
    plan_progress: (d) => huaide.planProgress(d.plan, d.progress),
    allocate: (d) => huaide.allocate(d.plan, d.people, d.applications, options(d)),
    read_ballots: (d) => huaide.readBallots(d.input, d.format, d.options),
    tally_file: (d) => huaide.tallyFile(d.input, d.format, d.election, d.options),
    write_ballots: (d) => huaide.writeBallots(d.file, d.format, d.options),
    rctab_report: (d) => {
      const result = huaide.tally(d.election, d.ballots);
      return { json: huaide.rctabReport(result, d.options), csv: huaide.rctabReportCsv(result, d.options) };
    },
    rctab_report_options: (d) => huaide.rctabReportOptions(d.config),
    seed_commitment: (d) => huaide.seedCommitment(d.seed),
    mix_seed: (d) => huaide.mixSeed(d.seed, d.public_value),
    audit_tally: (d) => huaide.auditTally(d.election, d.ballots),
    audit_allocation: (d) => {
      const { redact, ...request } = d;
      return huaide.auditAllocation(d.plan, d.people, d.applications, options(request), { redact });
    },
    verify: (d) => huaide.verify(d.audit, d.inputs),
    read_people: (d) => huaide.readPeople(d.input, d.options),
    read_applications: (d) => huaide.readApplications(d.input, d.options, d.plan),
    write_table: (d) => new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(huaide.writeTable(d.kind, d.document, d.format, d.sheet)),
    exhibition_elections: (d) => huaide.exhibitionElections(exhibition(d)),
    tally_exhibition: (d) => huaide.tallyExhibition(huaide.exhibitionElections(exhibition(d)), d.ballots),
    enrol_events: (d) => huaide.replayEnrolment(d.plan, d.people, d.applications, options(d), d.events ?? []),
  };
  const f = calls[fn];
  if (!f) throw new Error(`vector file names unknown function ${fn}`);
  return f(input);
}

/** Runs one case; returns null when it passes, else a description of the failure. */
export function runCase(huaide, fn, testCase, deepEqual) {
  const { expect } = testCase;
  try {
    const got = call(huaide, fn, testCase.input);
    if ('error' in expect) return `expected error ${expect.error}, got ${JSON.stringify(got)}`;
    return deepEqual(got, expect.ok) ? null : `expected ${JSON.stringify(expect.ok)}\n got ${JSON.stringify(got)}`;
  } catch (err) {
    if (!(err instanceof Error)) return `threw a non-Error: ${String(err)}`;
    if ('error' in expect && err.code === expect.error) return null;
    return `threw ${err.code ?? ''}: ${err.message}`;
  }
}
