// The package's entry point in Node: the wasm-bindgen Node build, plus a no-op default
// `init()` so that code written for browsers (`await init()`) runs unchanged in Node.
export * from '../pkg/node/huaide.js';

/** Nothing to do in Node: the module is instantiated on import. */
export default async function init() {}
