/**
 * The registry of content types: the one place that says, per type, where its files live, which
 * schema their frontmatter follows, whether only the agents' site may read them, where they are
 * published and what they are called. Every other module asks here instead of testing a type or
 * a folder name itself.
 */
import type { z } from '../schemas/z.ts';
import type { ContentType } from '../schemas/base.ts';
import { helpSchema } from '../schemas/help.ts';
import { policySchema } from '../schemas/policy.ts';
import { sopSchema } from '../schemas/sop.ts';
import { cultureSchema } from '../schemas/culture.ts';

export type { ContentType };

export interface ContentTypeSpec {
  type: ContentType;
  /** Folder under the content root. */
  folder: string;
  /** How its files are laid out, as editors are told in messages. */
  layout: string;
  /** The frontmatter schema. */
  schema: z.ZodType;
  /** Only the agents' site reads this folder; the public build never opens it. */
  internalOnly: boolean;
  /** First segment of its pages' route paths (`/en/<prefix>/…/`). */
  routePrefix: string;
  /** i18next key of the type's name (search filters, health page). */
  labelKey: string;
  /** Its market comes from its path (policies/<market>/…, culture/<lang>/<market>.md). */
  marketFromPath: boolean;
  /**
   * Customers read it, so each market it applies to needs it in that market's languages. Agents'
   * material is read in the default language.
   */
  customerFacing: boolean;
}

const spec = (s: ContentTypeSpec) => s;

/** Every content type, in the order folders are read and listed. */
export const contentTypes: readonly ContentTypeSpec[] = [
  spec({
    type: 'help',
    folder: 'help',
    layout: 'help/<lang>/[<category>/…/]<slug>.md',
    schema: helpSchema,
    internalOnly: false,
    routePrefix: 'help',
    labelKey: 'type.help',
    marketFromPath: false,
    customerFacing: true,
  }),
  spec({
    type: 'policy',
    folder: 'policies',
    layout: 'policies/<market>/<lang>/<policy>.md',
    schema: policySchema,
    internalOnly: false,
    routePrefix: 'policies',
    labelKey: 'type.policy',
    marketFromPath: true,
    customerFacing: true,
  }),
  spec({
    type: 'sop',
    folder: 'sop',
    layout: 'sop/<lang>/…/<slug>.md',
    schema: sopSchema,
    internalOnly: true,
    routePrefix: 'sop',
    labelKey: 'type.sop',
    marketFromPath: false,
    customerFacing: false,
  }),
  spec({
    type: 'culture',
    folder: 'culture',
    layout: 'culture/<lang>/<market>.md',
    schema: cultureSchema,
    internalOnly: true,
    routePrefix: 'culture',
    labelKey: 'type.culture',
    marketFromPath: true,
    customerFacing: false,
  }),
];

const byType = new Map(contentTypes.map((s) => [s.type, s]));
const byFolder = new Map(contentTypes.map((s) => [s.folder, s]));

/** The spec of a content type. */
export const typeSpec = (type: ContentType): ContentTypeSpec => byType.get(type)!;

/** The content type whose folder is `folder`, if any. */
export const typeOfFolder = (folder: string): ContentTypeSpec | undefined => byFolder.get(folder);

/** The content types a site may read: all on the agents' site, the public ones on the customers'. */
export const typesFor = (target: 'public' | 'internal'): readonly ContentTypeSpec[] =>
  target === 'internal' ? contentTypes : contentTypes.filter((s) => !s.internalOnly);

/**
 * The markets an entry applies to, as market ids: its own market for types that have one by path;
 * otherwise the `markets` of its frontmatter, where none or `*` means every market of the site.
 */
export function marketsOf(
  type: ContentType,
  pathMarket: string | undefined,
  listed: readonly string[] | undefined,
  allMarkets: readonly string[],
): { ids: string[]; all: boolean } {
  if (typeSpec(type).marketFromPath) return { ids: pathMarket ? [pathMarket] : [], all: false };
  if (!listed || listed.includes('*')) return { ids: [...allMarkets], all: true };
  return { ids: [...listed], all: false };
}
