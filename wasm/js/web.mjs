// The package's entry point in browsers and bundlers: call the default export `init()` once
// (it fetches huaide_bg.wasm beside the module, or takes `{module_or_path}`), or
// `initSync({module})` with the bytes, before any other function.
export { default, initSync } from '../pkg/web/huaide.js';
export * from './api.mjs';
