// The package's functions: each stringifies its documents, calls the WebAssembly module
// once, and parses the JSON text it returns (one crossing per document, which is much
// faster than one per value). Ballot lists cross as typed arrays (ballots.mjs) and
// profiles given as typed arrays are passed as they are. Errors the module throws are
// `Error`s with `code`, `path`, `family` and `messages` (`{en, zh}`); a crash of the module itself (a trap) becomes
// an `Error` with code `internal`, and the module is reset so that later calls work.
import * as wasm from '../pkg/web/huaide.js';
import { encodeBallots } from './ballots.mjs';

/** JSON text of a document (an argument left out is `null`). */
function json(value) {
  if (value === undefined) return 'null';
  try {
    return JSON.stringify(value);
  } catch (err) {
    // BigInt counts: written as numbers when exact, else refused by the reader.
    if (!(err instanceof TypeError)) throw err;
    return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? bigintValue(v) : v));
  }
}

function bigintValue(v) {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : String(v);
}

/** Runs one call into the module, turning a trap into an `internal` error. */
function guard(run) {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof WebAssembly.RuntimeError)) throw err;
    wasm.__wbg_reset_state?.();
    const error = new Error(`huaide: internal error (${err.message}); the module was reset`);
    error.name = 'HuaideError';
    error.code = 'internal';
    error.path = null;
    error.family = 'internal';
    error.messages = { en: error.message, zh: error.message };
    throw error;
  }
}

/** Calls the module's `fn` with `args` and parses the JSON text it returns. */
const call = (fn, ...args) => JSON.parse(guard(() => fn(...args)));

// ---- votes -------------------------------------------------------------------------------

/** Counts `ballots` in `election`; returns the result. */
export function tally(election, ballots) {
  const encoded = encodeBallots(election, ballots);
  if (encoded) {
    return call(wasm.tallyEncoded, json(election), encoded.ops, encoded.numbers, encoded.voters);
  }
  return call(wasm.tally, json(election), json(ballots));
}

/** Counts one shard of an election's ballots into a partial tally (for `mergePartials`). */
export function tallyPartial(election, ballots) {
  const encoded = encodeBallots(election, ballots);
  if (encoded) {
    return call(wasm.tallyPartialEncoded, json(election), encoded.ops, encoded.numbers, encoded.voters);
  }
  return call(wasm.tallyPartial, json(election), json(ballots));
}

/** Combines shard tallies into the result a single count would give. */
export const mergePartials = (election, partials) =>
  call(wasm.mergePartials, json(election), json(partials));

/** An integer typed array as `Type`, checking that every value fits. */
function asTyped(values, Type, max, field) {
  if (values instanceof Type) return values;
  const out = new Type(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v > max) {
      throw new TypeError(`profile.${field}[${i}]: ${v} is not an integer from 0 to ${max}`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Counts a compact profile: `{rankings, counts?}` (candidate indices or ids per ranking), or
 * typed arrays `{marks, offsets, counts?}`: `marks` (`Uint16Array`) the rankings one after
 * the other, `offsets` (`Uint32Array`, one more than the rankings, first 0, last
 * `marks.length`) where each starts, `counts` one per ranking.
 */
export function tallyProfile(election, profile) {
  if (profile && ArrayBuffer.isView(profile.marks)) {
    const marks = asTyped(profile.marks, Uint16Array, 0xffff, 'marks');
    const offsets = asTyped(profile.offsets ?? [], Uint32Array, 0xffffffff, 'offsets');
    const counts = profile.counts == null ? undefined : Float64Array.from(profile.counts, Number);
    return call(wasm.tallyProfileArrays, json(election), marks, offsets, counts);
  }
  return call(wasm.tallyProfile, json(election), json(profile));
}

/** Decides a council motion; `options.lang` (`'en'` or `'zh'`) is the explanation's language. */
export const tallyMotion = (motion, options) => call(wasm.tallyMotion, json(motion), json(options));

/**
 * Reads a ballot file (`input`: its text, or the files of an export) and counts it in
 * `election` (an election whose fields but `method` may be left out: the file gives them).
 */
export function tallyFile(input, format, election, options) {
  const [name, bytes] = fileOf(input);
  if (bytes) return call(wasm.tallyFileBytes, name, bytes, json(format), json(election), json(options));
  return call(wasm.tallyFile, json(input), json(format), json(election), json(options));
}

// ---- the public draw ----------------------------------------------------------------------

/** The public draw of `ids` under `seed`: sorted in byte order, then shuffled (earlier = luckier). */
export const drawOrder = (seed, ids) => call(wasm.drawOrder, String(seed), json(ids));

// ---- text in English or Chinese -------------------------------------------------------------

/** One decision of an allocation (an item of `decisions[person]`) in a sentence. */
export const explainDecision = (decision, options) =>
  call(wasm.explainDecision, json(decision), json(options));
/** The text of catalogue message `code` with its `{name}` placeholders filled from `args`;
 * `null` for an unknown code. */
export const message = (code, args, options) =>
  call(wasm.message, String(code), json(args), json(options));

// ---- plans -------------------------------------------------------------------------------

/** Every finding of a plan as data; `options.lang` (`'en'` or `'zh'`) is the messages' language. */
export const validatePlan = (plan, options) => call(wasm.validatePlan, json(plan), json(options));
/** Sessions for `{from, to, program?, venue?}`, sorted. */
export const planOccurrences = (plan, query) => call(wasm.planOccurrences, json(plan), json(query));
/** The iCalendar text of the plan or one program (`{stamp, program?}`). */
export const planToIcs = (plan, options) => guard(() => wasm.planToIcs(json(plan), json(options)));
/** Goal progress against enrolment and attendance data. */
export const planProgress = (plan, input) => call(wasm.planProgress, json(plan), json(input));
/** A plan object from TOML text. */
export const planFromToml = (text) => call(wasm.planFromToml, String(text));
/** TOML text from a plan object. */
export const planToToml = (plan) => guard(() => wasm.planToToml(json(plan)));
/** The JSON Schema of the plan document, as JSON text. */
export const planJsonSchema = () => guard(() => wasm.planJsonSchema());

// ---- enrolment ---------------------------------------------------------------------------

const request = (plan, people, applications, options) =>
  [json(plan), json(people), json(applications), json(options)];

/** Allocates seats; the shareable result (confidential programs left out). */
export const allocate = (plan, people, applications, options) =>
  call(wasm.allocate, ...request(plan, people, applications, options));
/** One program of the allocation in full, confidential ones included. */
export const allocationForProgram = (plan, people, applications, options, program) =>
  call(wasm.allocationForProgram, ...request(plan, people, applications, options), String(program));
/** The enrolment state after the allocation and `events`; shareable form. */
export const replayEnrolment = (plan, people, applications, options, events) =>
  call(wasm.replayEnrolment, ...request(plan, people, applications, options), json(events));
/** One program of the enrolment state after `events`, confidential ones included. */
export const replayEnrolmentForProgram = (plan, people, applications, options, events, program) =>
  call(wasm.replayEnrolmentForProgram, ...request(plan, people, applications, options), json(events),
    String(program));

// ---- exhibitions -------------------------------------------------------------------------

/** One election per category of an exhibition: `{plan, program, entries, visitors?, options?}`. */
export const exhibitionElections = (request) => call(wasm.exhibitionElections, json(request));
/** Counts every category of built elections with `{category: ballots}`. */
export const tallyExhibition = (elections, ballots) =>
  call(wasm.tallyExhibition, json(elections), json(ballots));

// ---- ballot files and reports ------------------------------------------------------------

/**
 * A table file as the module takes it: `[name, bytes]` for a `Uint8Array` or `{name, bytes}`,
 * `[name, undefined]` for anything else (text, `{name, text}`, `{name, base64}`), which the
 * module reads as a wire `TableInput`.
 */
function fileOf(file) {
  if (file instanceof Uint8Array) return ['', file];
  if (file && typeof file === 'object' && file.bytes instanceof Uint8Array) {
    return [String(file.name ?? ''), file.bytes];
  }
  return ['', undefined];
}

/**
 * Reads a ballot file: its text, the files of an export, or a form export's bytes
 * (`Uint8Array` or `{name, bytes}`); `{candidates, ballots, …}`.
 */
export function readBallots(input, format, options) {
  const [name, bytes] = fileOf(input);
  if (bytes) return call(wasm.readBallotBytes, name, bytes, json(format), json(options));
  return call(wasm.readBallots, json(input), json(format), json(options));
}

// ---- tables ------------------------------------------------------------------------------

/** Reads people from a CSV file or workbook: `{ok, people, findings, columns, …}`. */
export function readPeople(file, options) {
  const [name, bytes] = fileOf(file);
  return call(wasm.readPeople, name, bytes, bytes ? 'null' : json(file), json(options));
}

/** Reads applications; with `plan`, choices may name programs by title and are checked. */
export function readApplications(file, options, plan) {
  const [name, bytes] = fileOf(file);
  return call(wasm.readApplications, name, bytes, bytes ? 'null' : json(file), json(options),
    json(plan));
}

/**
 * Writes a wire document (`kind`: `people`, `applications`, `allocation`, `occurrences`,
 * `tally`, `exhibition`) as `xlsx` (default) or `csv`: the file's bytes, for a download.
 */
export const writeTable = (kind, document, format, sheet) =>
  guard(() => wasm.writeTable(String(kind), json(document), json(format), sheet ?? undefined));
/** Writes a ballot file (the shape `readBallots` returns) as BLT, PrefLib or CSV text. */
export const writeBallots = (file, format, options) =>
  guard(() => wasm.writeBallots(json(file), json(format), json(options)));
/** RCTab's detailed JSON report of an `irv` or `stv` (rule `rctab`) result. */
export const rctabReport = (result, options) => call(wasm.rctabReport, json(result), json(options));
/** RCTab's detailed CSV report, as text. */
export const rctabReportCsv = (result, options) =>
  guard(() => wasm.rctabReportCsv(json(result), json(options)));
/** The options of `rctabReport` from an RCTab contest config (its JSON text). */
export const rctabReportOptions = (config) => call(wasm.rctabReportOptions, String(config));

// ---- verifiable results ------------------------------------------------------------------

/** The commitment of `seed` to publish before the close (lowercase hex SHA-256). */
export const seedCommitment = (seed) => guard(() => wasm.seedCommitment(String(seed)));
/** The seed a draw uses when `publicValue` is mixed into `seed` (rule huaide-seed-mix-v1). */
export const mixSeed = (seed, publicValue) =>
  guard(() => wasm.mixSeed(String(seed), String(publicValue)));
/** The audit file of counting `ballots` in `election`. */
export const auditTally = (election, ballots) =>
  call(wasm.auditTally, json(election), json(ballots));
/** The audit file of an allocation; `auditOptions` `{redact?}`. */
export const auditAllocation = (plan, people, applications, options, auditOptions) =>
  call(wasm.auditAllocation, ...request(plan, people, applications, options), json(auditOptions));
/** Re-runs an audit file and reports `{ok, code, differences, …}`; `inputs` replaces some. */
export const verify = (audit, inputs) => call(wasm.verify, json(audit), json(inputs));

/** Test only: a panic inside the module (an `internal` error; the module is reset). */
export const __panicForTests = () => guard(() => wasm.__panicForTests());
