// A generated sample of residents and applications for a plan, of any size, from a seed:
// the same seed and size always give the same tables. Only demonstration data: the
// allocation itself, and its public draw, are the package's.

/** A 128-bit hash of `text` (cyrb128), to seed the generator. */
function hash128(text) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** The sfc32 generator: a function giving uniform numbers in [0, 1). */
function generator(seed) {
  let [a, b, c, d] = hash128(String(seed));
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const out = (t + d) | 0;
    c = (c + out) | 0;
    return (out >>> 0) / 4294967296;
  };
}

const pad = (n, width) => String(n).padStart(width, '0');

function birthDate(random, fromYear, toYear) {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  return `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
}

/** One household: one to four people, sometimes with a child of school age. */
function household(random, number, firstId, width) {
  const size = 1 + Math.floor(random() * 4);
  const residency = random() < 0.85 ? 'resident' : random() < 0.7 ? 'surrounding' : 'visitor';
  const id = `h${pad(number, width)}`;
  const members = [];
  for (let k = 0; k < size; k++) {
    const child = k > 0 && random() < 0.3;
    const born = child ? birthDate(random, 1990, 1998) : birthDate(random, 1925, 1986);
    const tags = [];
    if (!child && Number(born.slice(0, 4)) < 1946 && random() < 0.6) tags.push('elderly');
    if (!child && random() < 0.02) tags.push('council_member');
    members.push({ id: `s${pad(firstId + k, width)}`, birth_date: born, household: id, residency, tags });
  }
  return members;
}

/** The residents, `size` of them, yielded in chunks of about 1,000 (for progress). */
export function* samplePeople(size, seed) {
  const random = generator(`${seed}/people`);
  const width = Math.max(4, String(size).length);
  let chunk = [];
  let made = 0;
  let households = 0;
  while (made < size) {
    const members = household(random, ++households, made + 1, width).slice(0, size - made);
    made += members.length;
    chunk.push(...members);
    if (chunk.length >= 1000) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/**
 * Applications of about seven people in ten: one to three programs of the plan that have
 * seats, best first (confidential ones rarely), submitted over the first two weeks.
 */
export function sampleApplications(plan, people, seed) {
  const random = generator(`${seed}/applications`);
  const programs = plan.programs.filter((p) => p.capacity);
  const weights = programs.map((p) => (p.confidential ? 0.2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (taken) => {
    for (let tries = 0; tries < 20; tries++) {
      let ticket = random() * total;
      const k = weights.findIndex((w) => (ticket -= w) < 0);
      const id = programs[k < 0 ? programs.length - 1 : k].id;
      if (!taken.includes(id)) return id;
    }
    return null;
  };
  const start = Date.UTC(2006, 1, 20, 0, 0, 0);
  const applications = [];
  for (const person of people) {
    if (random() >= 0.7) continue;
    const choices = [];
    const wanted = 1 + Math.floor(random() * Math.min(3, programs.length));
    while (choices.length < wanted) {
      const id = pick(choices);
      if (!id) break;
      choices.push(id);
    }
    const at = new Date(start + Math.floor(random() * 14 * 24 * 60) * 60_000);
    applications.push({ person: person.id, choices, submitted_at: at.toISOString().replace('.000Z', 'Z') });
  }
  return applications;
}
