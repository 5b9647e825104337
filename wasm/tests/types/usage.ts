// Type-checked (never run) by types.test.mjs with `tsc --strict`: the package's declarations
// give every function its wire types, and misuse is a compile error.
import {
  allocate,
  drawOrder,
  explainDecision,
  message,
  tally,
  tallyMotion,
  validatePlan,
  planOccurrences,
  readBallots,
  writeBallots,
  seedCommitment,
  mixSeed,
  auditTally,
  auditAllocation,
  verify,
  type Audit,
  type VerifyReport,
  type Allocation,
  type Ballot,
  type Election,
  type HuaideError,
  type Plan,
  type TallyResult,
} from 'huaide';

const election: Election = { id: 'chair', method: 'irv', seats: 1, candidates: ['ann', 'bo'] };
const ballots: Ballot[] = [{ ranking: ['ann', 'bo'], count: 3 }, { ranking: ['bo'] }];
const result: TallyResult = tally(election, ballots);
const winners: string[] = result.winners;

const plan: Plan = {
  id: 'h',
  community: 'Huaideyuan',
  year: 2006,
  timezone: 'Asia/Shanghai',
  programs: [],
};
const report = validatePlan(plan);
const ok: boolean = report.ok;
const sessions = planOccurrences(plan, { from: '2006-04-01', to: '2006-04-30' });
const first: string | undefined = sessions[0]?.program;

const file = readBallots('3 1\n1 1 0\n0\n"a"\n"b"\n"c"\n"t"\n', 'blt');
const blt: string = writeBallots(file, 'blt');
const preflib: string = writeBallots(file, 'preflib', { data_type: 'soi' });
const motion = tallyMotion({
  members: 15,
  present: 11,
  yes: 6,
  no: 4,
  abstain: 1,
  quorum: { present_at_least: { fraction: [1, 2] } },
  threshold: 'simple',
});
const passed: boolean = motion.passed;
const inChinese: string = tallyMotion({ ...motion_doc(), present: 11 }, { lang: 'zh' }).explanation;
const findingsZh: string[] = validatePlan(plan, { lang: 'zh' }).findings.map((f) => f.message);
const why: string = explainDecision({ program: 'pottery', code: 'waitlisted', position: 2 }, { lang: 'zh' });
const text: string | null = message('decision.enrolled', { program: '陶艺' }, { lang: 'zh' });
const zhError = (err: HuaideError): string => err.messages.zh;
function motion_doc() {
  return { members: 15, present: 11, yes: 6, no: 4, quorum: 'none' as const, threshold: 'simple' as const };
}
// @ts-expect-error: lang is 'en' or 'zh'
tallyMotion(motion_doc(), { lang: 'fr' });

const allocation: Allocation = allocate(plan, [{ id: 'r1', residency: 'resident', tags: [] }], [], {
  seed: 'public draw',
  as_of: '2006-09-01',
});
const status: 'running' | 'cancelled' | 'not_opened' | undefined = allocation.programs.pottery?.status;

const commitment: string = seedCommitment('public draw');
const audit: Audit = auditAllocation(plan, [], [], {
  seed: 'public draw', commitment, public_value: mixSeed('public draw', '3D: 5 8 1'), as_of: '2006-09-01',
}, { redact: true });
const verifyReport: VerifyReport = verify(audit, { people: [], applications: [] });
const verified: boolean = verifyReport.ok && auditTally(election, ballots).kind === 'tally';

// @ts-expect-error: an election needs its method
tally({ id: 'x', seats: 1, candidates: ['a'] }, ballots);
// @ts-expect-error: unknown fields are refused, by the types as by the library
tally({ ...election, metod: 'irv' }, ballots);
// @ts-expect-error: ballots are objects, not names
tally(election, ['ann']);

const order: string[] = drawOrder('public draw, 28 Sept', ['r001', 'r002']);
// @ts-expect-error: the ids of a draw are strings
drawOrder('seed', [1, 2]);

export { order, winners, ok, first, file, blt, preflib, passed, status, verified };
