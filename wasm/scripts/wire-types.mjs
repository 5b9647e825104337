// Generates wasm/types/wire.d.ts, the TypeScript declarations of the wire format, from the
// JSON Schema bundle schema/wire.schema.json (itself generated from the core types).
//
//   node scripts/wire-types.mjs          rewrite wasm/types/wire.d.ts
//   node scripts/wire-types.mjs --check  exit 1 when the committed file is stale
//
// The Rust build includes the file in the package's huaide.d.ts, so the functions'
// parameter and return types (`Plan`, `TallyResult`, …) resolve to these declarations.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const SCHEMA = here('../../schema/wire.schema.json');
export const OUTPUT = here('../types/wire.d.ts');

const BANNER = `// The wire format of huaide: every document and result of the package's functions.
// Generated from schema/wire.schema.json by scripts/wire-types.mjs; do not edit.`;

/**
 * Rewrites the two draft 2020-12 forms that json-schema-to-typescript reads differently:
 * a `$ref` with sibling keywords (a field's description) becomes `allOf: [{$ref}]`, so the
 * referenced type keeps its one name instead of being copied as `Plan1`; `prefixItems`
 * (tuples) becomes the older array form of `items`.
 */
function forTypeScript(value) {
  if (Array.isArray(value)) return value.map(forTypeScript);
  if (value === null || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forTypeScript(v)]));
  if (out.prefixItems) {
    out.items = out.prefixItems;
    delete out.prefixItems;
  }
  if (out.$ref && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { ...rest, allOf: [{ $ref }] };
  }
  return out;
}

/** The declarations generated from the current schema bundle, as text. */
export async function wireTypes() {
  const schema = forTypeScript(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  // The bundle's root only groups the definitions; declare the definitions themselves.
  const text = await compile({ ...schema, type: 'object', additionalProperties: false }, 'WireFormat', {
    bannerComment: BANNER,
    unreachableDefinitions: true,
    additionalProperties: false,
    declareExternallyReferenced: true,
    enableConstEnums: false,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 100 },
  });
  // The bundle's own (empty) root type groups nothing a caller uses.
  return text.replace(/\n\/\*\*(?:(?!\*\/)[\s\S])*\*\/\nexport interface HuaideWireFormat \{\}\n/, '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await wireTypes();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OUTPUT, 'utf8');
    if (committed !== text) {
      console.error(`${OUTPUT} is stale: run node scripts/wire-types.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
  }
}
