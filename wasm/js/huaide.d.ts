// The package's functions with the wire types of their documents and results (the types are
// generated from the JSON Schemas into types/wire.d.ts). Every function throws a
// `HuaideError` for a document it cannot use.
import type {
  Allocation, AllocationOptions, Application, Ballot, BallotFile, BallotFormat, BallotInput,
  CategoryBallots, Election, EnrolmentState, Event, ExhibitionElections, ExhibitionRequest,
  ExhibitionResult, FileElection, IcsOptions, Motion, MotionResult, Occurrence, OccurrenceQuery,
  PartialTally, Person, Plan, ProfileDocument, ProgramReport, ProgramState, ProgressInput,
  ProgressReport, RctabReport, RctabReportOptions, ReadOptions, TallyResult, ValidationReport,
  WriteOptions, PeopleOptions, PeopleTable, ApplicationOptions, ApplicationsTable, TableInput,
  TableFormat, Audit, VerifyReport, TextOptions, Decision,
} from '../types/wire.js';

export type * from '../types/wire.js';

/** The `Error` every function throws for input it cannot use (`code` `internal` for a bug). */
export interface HuaideError extends Error {
  name: 'HuaideError';
  /** Stable snake_case code, e.g. `duplicate_candidate`. */
  code: string;
  /** The offending field, e.g. `election.candidates[2]`, or null. */
  path: string | null;
  /** The error's family: `document`, `tally`, `motion`, `plan`, `enrol`, `format`, `internal`. */
  family: string;
  /** The message in each language: `messages.zh` for Chinese (`message` is the English). */
  messages: { en: string; zh: string };
}

/** A profile as typed arrays: the rankings one after the other, and where each starts. */
export interface ProfileArrays {
  /** Candidate indices (positions in the election's `candidates`), best first. */
  marks: Uint16Array;
  /** One entry more than there are rankings: 0, then where each ranking ends. */
  offsets: Uint32Array;
  /** How many ballots each ranking stands for (default all 1). */
  counts?: ArrayLike<number>;
}

/** A table file: its bytes (a page's upload as `new Uint8Array(await file.arrayBuffer())`),
 * with its name where the extension tells `.xlsx` from CSV, or its text. */
export type TableFile = Uint8Array | { name: string; bytes: Uint8Array } | TableInput;

/** What `writeTable` writes. */
export type TableKind = 'people' | 'applications' | 'allocation' | 'occurrences' | 'tally' | 'exhibition';

/** Loads the module in a browser (from `huaide_bg.wasm` beside the package, or the given
 * bytes, `Response` or URL); a no-op in Node. Call it once before anything else. */
export default function init(module_or_path?: unknown): Promise<unknown>;
/** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module: unknown): unknown;

export function tally(election: Election, ballots: Ballot[]): TallyResult;
export function tallyProfile(election: Election, profile: ProfileDocument | ProfileArrays): TallyResult;
export function tallyPartial(election: Election, ballots: Ballot[]): PartialTally;
export function mergePartials(election: Election, partials: PartialTally[]): TallyResult;
export function tallyMotion(motion: Motion, options?: TextOptions | null): MotionResult;
export function tallyFile(input: BallotInput | Uint8Array | { name: string; bytes: Uint8Array }, format: BallotFormat, election: FileElection, options?: ReadOptions): TallyResult;

/** The public draw of `ids` under `seed`: sorted in byte order, then shuffled (earlier = luckier). */
export function drawOrder(seed: string, ids: string[]): string[];

export function validatePlan(plan: Plan, options?: TextOptions | null): ValidationReport;

/** One decision of an allocation (an item of `decisions[person]`) in a sentence, in `options.lang`. */
export function explainDecision(decision: Decision, options?: TextOptions | null): string;
/** The text of catalogue message `code`, `{name}` placeholders filled from `args`; null for an unknown code. */
export function message(code: string, args?: Record<string, string | number> | null, options?: TextOptions | null): string | null;
export function planOccurrences(plan: Plan, query: OccurrenceQuery): Occurrence[];
export function planToIcs(plan: Plan, options: IcsOptions): string;
export function planProgress(plan: Plan, input: ProgressInput): ProgressReport;
export function planFromToml(text: string): Plan;
export function planToToml(plan: Plan): string;
export function planJsonSchema(): string;

export function allocate(plan: Plan, people: Person[], applications: Application[], options: AllocationOptions): Allocation;
export function allocationForProgram(plan: Plan, people: Person[], applications: Application[], options: AllocationOptions, program: string): ProgramReport;
export function replayEnrolment(plan: Plan, people: Person[], applications: Application[], options: AllocationOptions, events: Event[]): EnrolmentState;
export function replayEnrolmentForProgram(plan: Plan, people: Person[], applications: Application[], options: AllocationOptions, events: Event[], program: string): ProgramState;

export function exhibitionElections(request: ExhibitionRequest): ExhibitionElections;
export function tallyExhibition(elections: ExhibitionElections, ballots: CategoryBallots): ExhibitionResult;

export function readBallots(input: BallotInput | Uint8Array | { name: string; bytes: Uint8Array }, format: BallotFormat, options?: ReadOptions): BallotFile;
export function writeBallots(file: BallotFile, format: BallotFormat, options?: WriteOptions): string;
export function rctabReport(result: TallyResult, options?: RctabReportOptions): RctabReport;
export function rctabReportCsv(result: TallyResult, options?: RctabReportOptions): string;
export function rctabReportOptions(config: string): RctabReportOptions;

/** The commitment of `seed` to publish before the close (lowercase hex SHA-256). */
export function seedCommitment(seed: string): string;
/** The seed a draw uses when `publicValue` is mixed into `seed` (rule huaide-seed-mix-v1). */
export function mixSeed(seed: string, publicValue: string): string;
/** The audit file of counting `ballots` in `election`. */
export function auditTally(election: Election, ballots: Ballot[]): Audit;
/** The audit file of an allocation (`redact`: leave out people and applications). */
export function auditAllocation(plan: Plan, people: Person[], applications: Application[], options: AllocationOptions, auditOptions?: { redact?: boolean }): Audit;
/** Re-runs an audit file's count or allocation; `inputs` replaces some of its inputs. */
export function verify(audit: Audit, inputs?: Record<string, unknown>): VerifyReport;

export function readPeople(file: TableFile, options?: PeopleOptions): PeopleTable;
export function readApplications(file: TableFile, options?: ApplicationOptions, plan?: Plan): ApplicationsTable;
export function writeTable(kind: TableKind, document: unknown, format?: TableFormat, sheet?: string): Uint8Array;
