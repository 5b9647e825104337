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

/** A typed array with room for at least `need` values, the first `used` kept. */
function room(array, used, need) {
  if (used + need <= array.length) return array;
  const grown = new array.constructor(Math.max(array.length * 2, used + need));
  grown.set(array.subarray(0, used));
  return grown;
}

/**
 * Encodes `ballots` for `election`: `{ops: Uint32Array, numbers: Float64Array, voters}`
 * (`voters` the distinct voter ids as JSON text), or null when anything is not plain data.
 * The values are written straight into typed arrays that grow by doubling.
 */
export function encodeBallots(election, ballots) {
  if (!Array.isArray(ballots)) return null;
  const index = candidateIndex(election);
  if (index === null) return null;
  const unknown = election.candidates.length; // a number past the candidates: an unknown id
  let ops = new Uint32Array(Math.max(16, ballots.length * 8));
  let n = 0;
  let numbers = new Float64Array(16);
  let m = 0;
  const voterIds = new Map();
  const voters = [];
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i];
    if (!isPlainObject(ballot)) return null;
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
    ops = room(ops, n, 2);
    const at = n++;
    let header = 0;
    if (voter != null) {
      if (typeof voter !== 'string') return null;
      let v = voterIds.get(voter);
      if (v === undefined) {
        v = voters.length;
        voterIds.set(voter, v);
        voters.push(voter);
      }
      header |= VOTER;
      ops[n++] = v;
    }
    if (count != null) {
      if (!Number.isSafeInteger(count) || count < 0) return null;
      header |= COUNT;
      numbers = room(numbers, m, 1);
      numbers[m++] = count;
    }
    if (ranking != null) {
      if (!Array.isArray(ranking)) return null;
      header |= RANKING;
      ops = room(ops, n, 1 + 2 * ranking.length);
      ops[n++] = ranking.length;
      for (let r = 0; r < ranking.length; r++) {
        const rank = ranking[r];
        if (typeof rank === 'string') {
          ops[n++] = 1;
          ops[n++] = index.get(rank) ?? unknown;
        } else if (Array.isArray(rank)) {
          ops = room(ops, n, 1 + rank.length + 2 * (ranking.length - r));
          ops[n++] = rank.length;
          for (let k = 0; k < rank.length; k++) {
            if (typeof rank[k] !== 'string') return null;
            ops[n++] = index.get(rank[k]) ?? unknown;
          }
        } else {
          return null;
        }
      }
    }
    if (approve != null) {
      if (!Array.isArray(approve)) return null;
      header |= APPROVE;
      ops = room(ops, n, 1 + approve.length);
      ops[n++] = approve.length;
      for (let k = 0; k < approve.length; k++) {
        if (typeof approve[k] !== 'string') return null;
        ops[n++] = index.get(approve[k]) ?? unknown;
      }
    }
    if (scores != null) {
      if (!isPlainObject(scores)) return null;
      header |= SCORES;
      ops = room(ops, n, 1);
      const lengthAt = n++;
      let k = 0;
      for (const id in scores) {
        const score = scores[id];
        if (!Number.isSafeInteger(score)) return null;
        ops = room(ops, n, 1);
        ops[n++] = index.get(id) ?? unknown;
        numbers = room(numbers, m, 1);
        numbers[m++] = score;
        k++;
      }
      ops[lengthAt] = k;
    }
    ops[at] = header;
  }
  return { ops: ops.subarray(0, n), numbers: numbers.subarray(0, m), voters: JSON.stringify(voters) };
}
