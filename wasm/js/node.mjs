// The package's entry point in Node: the module of the web build, instantiated at import
// from its file, and the functions of api.mjs. A no-op default `init()` lets code written
// for browsers (`await init()`) run unchanged.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/web/huaide.js';

initSync({ module: readFileSync(new URL('../pkg/web/huaide_bg.wasm', import.meta.url)) });

export * from './api.mjs';

/** Nothing to do in Node: the module is instantiated on import. */
export default async function init() {}
