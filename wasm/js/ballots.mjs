// Ballots encoded into two typed arrays for the module's `tallyEncoded` (the layout is
// documented in src/ballots.rs), so that 100,000 ballot objects cross into WebAssembly as
// two copies of memory instead of one crossing per value. Candidate and voter ids are
// looked up once per distinct string (Map lookups on V8's cached string hashes).
//
// Only plain data is encoded: a ballot that is not a plain object, a key that is not a
// ballot field, a value of another type or a count that is not a safe integer makes
// `encodeBallots` return null, and the caller reads the ballots as a JSON document instead,
// which reports the exact error and path.

const VOTER = 1;
const COUNT = 2;
const RANKING = 4;
const APPROVE = 8;
const SCORES = 16;

/** The candidate ids of an election document, or null when it is not plain. */
function candidateIndex(election) {
  const candidates = election?.candidates;
  if (!Array.isArray(candidates)) return null;
  const index = new Map();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const id = typeof c === 'string' ? c : c?.id;
    if (typeof id !== 'string') return null;
    if (!index.has(id)) index.set(id, i);
  }
  return index;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Encodes `ballots` for `election`: `{ops: Uint32Array, numbers: Float64Array, voters}`
 * (`voters` the distinct voter ids as JSON text), or null when anything is not plain data.
 */
export function encodeBallots(election, ballots) {
  if (!Array.isArray(ballots)) return null;
  const index = candidateIndex(election);
  if (index === null) return null;
  const unknown = election.candidates.length; // a number past the candidates: an unknown id
  const mark = (id) => index.get(id) ?? unknown;
  const ops = [];
  const numbers = [];
  const voterIds = new Map();
  const voters = [];
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i];
    if (!isPlainObject(ballot)) return null;
    const at = ops.length;
    ops.push(0);
    let header = 0;
    let voter;
    let count;
    let ranking;
    let approve;
    let scores;
    for (const key in ballot) {
      const value = ballot[key];
      switch (key) {
        case 'voter': voter = value; break;
        case 'count': count = value; break;
        case 'ranking': ranking = value; break;
        case 'approve': approve = value; break;
        case 'scores': scores = value; break;
        default: return null;
      }
    }
    if (voter != null) {
      if (typeof voter !== 'string') return null;
      let v = voterIds.get(voter);
      if (v === undefined) {
        v = voters.length;
        voterIds.set(voter, v);
        voters.push(voter);
      }
      header |= VOTER;
      ops.push(v);
    }
    if (count != null) {
      if (!Number.isSafeInteger(count) || count < 0) return null;
      header |= COUNT;
      numbers.push(count);
    }
    if (ranking != null) {
      if (!Array.isArray(ranking)) return null;
      header |= RANKING;
      ops.push(ranking.length);
      for (let r = 0; r < ranking.length; r++) {
        const rank = ranking[r];
        if (typeof rank === 'string') {
          ops.push(1, mark(rank));
        } else if (Array.isArray(rank)) {
          ops.push(rank.length);
          for (let k = 0; k < rank.length; k++) {
            if (typeof rank[k] !== 'string') return null;
            ops.push(mark(rank[k]));
          }
        } else {
          return null;
        }
      }
    }
    if (approve != null) {
      if (!Array.isArray(approve)) return null;
      header |= APPROVE;
      ops.push(approve.length);
      for (let k = 0; k < approve.length; k++) {
        if (typeof approve[k] !== 'string') return null;
        ops.push(mark(approve[k]));
      }
    }
    if (scores != null) {
      if (!isPlainObject(scores)) return null;
      header |= SCORES;
      const lengthAt = ops.length;
      ops.push(0);
      let n = 0;
      for (const id in scores) {
        const score = scores[id];
        if (!Number.isSafeInteger(score)) return null;
        ops.push(mark(id));
        numbers.push(score);
        n++;
      }
      ops[lengthAt] = n;
    }
    ops[at] = header;
  }
  return { ops: Uint32Array.from(ops), numbers: Float64Array.from(numbers), voters: JSON.stringify(voters) };
}
