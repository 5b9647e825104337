// The Web Worker that runs the package (huaide/, copied in by build.sh): plain calls, and
// the enrolment job, which reads the tables (or generates a sample), allocates and reports
// its stages, so the page shows progress and stays responsive whatever the size.
import init, * as huaide from './huaide/js/web.mjs';
import { samplePeople, sampleApplications } from './sample.mjs';

const ready = init();

/** Transferable buffers of a result (the bytes of a workbook). */
const transferOf = (result) => (result instanceof Uint8Array ? [result.buffer] : []);

const jobs = {
  /**
   * `{plan, source, options}`: `source` is `{kind: 'files', people, applications}` (each
   * `{name, bytes}`) or `{kind: 'sample', size, seed}`. Returns the people, applications,
   * what the readers found, and the allocation.
   */
  async enrol({ plan, source, options }, progress) {
    let people;
    let applications;
    const read = { people: null, applications: null };
    if (source.kind === 'sample') {
      people = [];
      for (const chunk of samplePeople(source.size, source.seed)) {
        people.push(...chunk);
        progress({ stage: 'generate', done: people.length, total: source.size });
      }
      applications = sampleApplications(plan, people, source.seed);
    } else {
      progress({ stage: 'read_people', name: source.people.name });
      read.people = huaide.readPeople(source.people);
      people = read.people.people;
      progress({ stage: 'read_applications', name: source.applications.name, done: people.length });
      read.applications = huaide.readApplications(source.applications, {}, plan);
      applications = read.applications.applications;
    }
    const choices = applications.reduce((n, a) => n + a.choices.length, 0);
    progress({ stage: 'allocate', people: people.length, applications: applications.length, choices });
    const started = performance.now();
    const allocation = huaide.allocate(plan, people, applications, options);
    const ms = Math.round(performance.now() - started);
    progress({ stage: 'done', applications: applications.length, ms });
    return { people, applications, read: summary(read), allocation, ms };
  },
};

/** What the readers said, without repeating the rows. */
function summary(read) {
  const one = (r) => r && {
    findings: r.findings, columns: r.columns, ignored_columns: r.ignored_columns,
    header_row: r.header_row, sheet: r.sheet ?? null,
  };
  return { people: one(read.people), applications: one(read.applications) };
}

self.addEventListener('message', async ({ data }) => {
  const { id } = data;
  try {
    await ready;
    let result;
    if (data.job) {
      result = await jobs[data.job](data.input, (p) => self.postMessage({ id, progress: p }));
    } else {
      if (typeof huaide[data.fn] !== 'function') throw new Error(`no function ${data.fn}`);
      result = huaide[data.fn](...data.args);
    }
    self.postMessage({ id, result }, transferOf(result));
  } catch (err) {
    self.postMessage({ id, error: { message: String(err?.message ?? err), code: err?.code, path: err?.path } });
  }
});
