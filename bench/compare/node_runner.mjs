// The Node runner of bench/compare: times one task of the npm package (wasm/js/node.mjs, the
// release build of wasm/build.sh) on one data set and prints one JSON line, like
// py_runner.py: best and every time (seconds), the winners or where the assignments were
// written, peak RSS before and after the timed calls (KiB).
//
//   node node_runner.mjs TASK META METHOD REPEAT [OUT]
//
// Tasks: `tally.objects[_grouped]` (`tally(election, [{ranking: [ids…]}, …])`, one object per
// voter, or per distinct ranking with `count`), `tallyProfile.typed[_grouped]`
// (`tallyProfile(election, {marks: Uint16Array, offsets: Uint32Array, counts?})`), and
// `tallyFile.csv` (the text of a CSV of rankings, one voter per row, parsed in Rust),
// `tallyFile.blt[_grouped]` (BLT text, weight 1 per voter or the counts), and
// `allocate` (`allocate(plan, people, applications, {seed, as_of, mechanism})`). Inputs are
// built before the clock starts; one untimed call gives the result that is checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as huaide from '../../wasm/js/node.mjs';

const [task, metaPath, method, repeatText, out] = process.argv.slice(2);
const repeat = Number(repeatText);
const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
const dir = dirname(metaPath);
const peakRss = () => process.resourceUsage().maxRSS; // KiB

// The process's CPU time of each timed call (user + system, every thread: V8's GC helpers too).
const cpuTimes = [];

function timed(fn) {
  const result = fn();
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1e6);
  }
  return [result, times];
}

function read(file, Type) {
  const bytes = readFileSync(join(dir, file));
  // Copied into an aligned buffer (Node's file buffers may be pooled at any offset).
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Type(copy.buffer);
}

function rankings(grouped) {
  const values = read(grouped ? meta.grouped : meta.ballots, Int16Array);
  const counts = grouped ? read(meta.counts, Uint32Array) : null;
  const width = meta.width;
  const rows = [];
  for (let at = 0; at < values.length; at += width) {
    const row = [];
    for (let j = 0; j < width && values[at + j] >= 0; j++) row.push(values[at + j]);
    rows.push(row);
  }
  return [rows, counts];
}

function votes() {
  const grouped = task.endsWith('_grouped');
  const base = task.replace(/_grouped$/, '');
  const ids = meta.candidates;
  const election = { id: 'bench', method, seats: 1, candidates: ids, tie_break: { seed: 'bench' } };
  if (method === 'schulze') election.pairwise = { strength: 'margin' };
  const [rows, counts] = rankings(grouped);
  let fn;
  if (base === 'tally.objects') {
    const ballots = rows.map((r, i) =>
      counts ? { ranking: r.map((c) => ids[c]), count: counts[i] } : { ranking: r.map((c) => ids[c]) });
    fn = () => huaide.tally(election, ballots);
  } else if (base === 'tallyProfile.typed') {
    let total = 0;
    for (const r of rows) total += r.length;
    const marks = new Uint16Array(total);
    const offsets = new Uint32Array(rows.length + 1);
    let at = 0;
    rows.forEach((r, i) => {
      marks.set(r, at);
      at += r.length;
      offsets[i + 1] = at;
    });
    const profile = counts ? { marks, offsets, counts: Float64Array.from(counts) } : { marks, offsets };
    fn = () => huaide.tallyProfile(election, profile);
  } else if (base === 'tallyFile.csv' && !counts) {
    // The raw text of a ballot file, parsed in Rust: one ranking of ids per row.
    const text = rows.map((r) => r.map((c) => ids[c]).join(',')).join('\n') + '\n';
    fn = () => huaide.tallyFile(text, 'csv', election);
  } else if (base === 'tallyFile.blt') {
    // A BLT file (weight, 1-based candidates, 0): its candidates are "1", "2", …
    const lines = [`${ids.length} 1`];
    rows.forEach((r, i) => lines.push(`${counts ? counts[i] : 1} ${r.map((c) => c + 1).join(' ')} 0`));
    lines.push('0', ...ids.map((c) => `"${c}"`), '"bench"');
    const text = lines.join('\n') + '\n';
    const { candidates: _, ...fileElection } = election;
    fn = () => {
      const r = huaide.tallyFile(text, 'blt', fileElection);
      return { ...r, winners: r.winners.map((w) => ids[Number(w) - 1]) };
    };
  } else {
    throw new Error(`unknown task ${task}`);
  }
  const before = peakRss();
  const [result, times] = timed(fn);
  return { winners: [...result.winners].sort(), times, before };
}

function allocate() {
  const req = JSON.parse(readFileSync(join(dir, meta.request), 'utf8'));
  const options = { seed: req.seed, as_of: req.as_of, mechanism: req.mechanism };
  const before = peakRss();
  const [result, times] = timed(() => huaide.allocate(req.plan, req.people, req.applications, options));
  writeFileSync(out, JSON.stringify(result.assignments));
  return { assignments: out, times, before };
}

const { times, before, ...rest } = meta.kind === 'votes' ? votes() : allocate();
console.log(JSON.stringify({
  seconds: Math.min(...times), times, cpu_seconds: Math.min(...cpuTimes), ...rest, rss_before_kb: before, rss_peak_kb: peakRss(),
}));
