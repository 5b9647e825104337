// The page's side of the Web Worker (worker.mjs): every call into the package runs there,
// so that no count or allocation can freeze the page. `call(name, ...args)` runs one
// package function; `job(name, input, onProgress)` runs a longer job that reports progress.

const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
const pending = new Map();
let next = 1;

worker.addEventListener('message', ({ data }) => {
  const entry = pending.get(data.id);
  if (!entry) return;
  if (data.progress) {
    entry.onProgress?.(data.progress);
    return;
  }
  pending.delete(data.id);
  if (data.error) entry.reject(toError(data.error));
  else entry.resolve(data.result);
});

worker.addEventListener('error', (event) => {
  event.preventDefault();
  const error = toError({ message: event.message || 'worker failed', code: 'worker' });
  for (const entry of pending.values()) entry.reject(error);
  pending.clear();
});

/** An `Error` with the package's `code` and `path`, rebuilt from what the worker posted. */
function toError({ message, code, path }) {
  const error = new Error(message);
  error.name = 'HuaideError';
  error.code = code ?? null;
  error.path = path ?? null;
  return error;
}

function send(message, transfer, onProgress) {
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, ...message }, transfer);
  });
}

/** Runs the package function `name` in the worker; resolves to its result. */
export const call = (name, ...args) => send({ fn: name, args }, []);

/** Runs the worker's job `name` (see worker.mjs) with progress reports. */
export const job = (name, input, onProgress) => send({ job: name, input }, [], onProgress);
