/**
 * `npm run schema`: writes JSON Schemas generated from the zod schemas to schemas/: the content
 * types and site data, so editors get frontmatter completion and checks (VS Code: see
 * docs/authoring.md), and the JSON export for machines (src/exports), so its consumers can
 * validate what they read. One definition of truth: the same zod schemas validate the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from '../src/schemas/z.ts';
import { helpSchema } from '../src/schemas/help.ts';
import { policySchema } from '../src/schemas/policy.ts';
import { sopSchema } from '../src/schemas/sop.ts';
import { cultureSchema } from '../src/schemas/culture.ts';
import { marketSchema } from '../src/schemas/market.ts';
import { siteSchema } from '../src/schemas/site.ts';
import { exportIndex, exportRoot, internalRecord, publicRecord } from '../src/schemas/export.ts';
import { projectRoot } from '../src/content/root.ts';
import { parseCommandLine } from './args.ts';

/** Schemas of what people write (read as input: defaults are optional). */
const inputs = { help: helpSchema, policy: policySchema, sop: sopSchema, culture: cultureSchema, market: marketSchema, site: siteSchema };
/** Schemas of what the build writes (read as output). */
const outputs = {
  'export-root': exportRoot,
  'export-index': exportIndex,
  'export-record': publicRecord,
  'export-record-internal': internalRecord,
};
export const jsonSchemas = { ...inputs, ...outputs };

/** The JSON Schema of one content type or export file, as written to schemas/<name>.schema.json. */
export function toJsonSchema(name: keyof typeof jsonSchemas): object {
  const io = name in outputs ? 'output' : 'input';
  return { $id: `https://signpost.dev/schemas/${name}.schema.json`, ...z.toJSONSchema(jsonSchemas[name], { io, unrepresentable: 'any' }) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  parseCommandLine({ options: {} }, 'Usage: npm run schema   (writes schemas/*.schema.json)');
  const out = path.join(projectRoot, 'schemas');
  fs.mkdirSync(out, { recursive: true });
  for (const name of Object.keys(jsonSchemas) as (keyof typeof jsonSchemas)[]) {
    fs.writeFileSync(path.join(out, `${name}.schema.json`), `${JSON.stringify(toJsonSchema(name), null, 2)}\n`);
  }
  console.log(`Wrote ${Object.keys(jsonSchemas).length} JSON Schemas to schemas/`);
}
