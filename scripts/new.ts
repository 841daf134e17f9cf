/**
 * `npm run new -- <type> <lang> <path>`: creates a valid content file with today's date.
 *
 *   npm run new -- help en returns/exchange-an-item
 *   npm run new -- policy de de/returns          (policies: <market>/<policy>)
 *   npm run new -- sop en customs/parcel-held
 *   npm run new -- culture en jp                  (culture: <market>)
 *
 * Refuses to overwrite a file, and checks the result with the same loader the build uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { todayUtc } from '../src/audit/dates.ts';
import { ContentError } from '../src/content/errors.ts';
import { collectContent } from '../src/content/load.ts';
import { parseEntryPath } from '../src/content/paths.ts';
import { contentRoot } from '../src/content/root.ts';

const usage = 'Usage: npm run new -- <help|policy|sop|culture> <lang> <path>   e.g. npm run new -- help en returns/exchange-an-item';

/** The path of the new file in the content root, or undefined for an unknown type. */
function fileFor(type: string, lang: string, rel: string): string | undefined {
  const mdx = rel.endsWith('.mdx');
  const clean = rel.replace(/\.(md|mdx)$/, '');
  switch (type) {
    case 'help':
      return `help/${lang}/${clean}.${mdx ? 'mdx' : 'md'}`;
    case 'policy': {
      const [market, policy] = clean.split('/');
      return `policies/${market}/${lang}/${policy}.mdx`;
    }
    case 'sop':
      return `sop/${lang}/${clean}.mdx`;
    case 'culture':
      return `culture/${lang}/${clean}.md`;
    default:
      return undefined;
  }
}

/**
 * Creates the file as the command does: `args` as after `npm run new --`, the content root and
 * `SIGNPOST_TODAY` from `env`. Returns the exit code (2 for a bad command line, 1 when nothing
 * or a file with problems was written). A function so that tests can run it in their own process;
 * `node scripts/new.ts` calls it below.
 */
export function main(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const [type, lang, rel] = args;
  if (!type || !lang || !rel) {
    console.error(usage);
    return 2;
  }
  const clean = rel.replace(/\.(md|mdx)$/, '');
  const file = fileFor(type, lang, rel);
  if (!file) {
    console.error(`Unknown type "${type}". ${usage}`);
    return 2;
  }
  const parsed = parseEntryPath(file);
  if (typeof parsed === 'string') {
    console.error(`${file}: ${parsed}\n${usage}`);
    return 2;
  }

  let root: string;
  try {
    root = contentRoot(env);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const target = path.join(root, file);
  if (fs.existsSync(target) || fs.existsSync(target.replace(/\.mdx?$/, (e) => (e === '.md' ? '.mdx' : '.md')))) {
    console.error(`${file} already exists; nothing was written.`);
    return 1;
  }
  const today = env.SIGNPOST_TODAY ?? todayUtc();
  const title = path
    .basename(clean)
    .replace(/-/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());
  const front: Record<string, string[]> = {
    help: [`title: ${title}`, 'description: One sentence that says what this article answers.', 'owner: support-content', `reviewed: ${today}`, 'tags: []'],
    policy: [
      `title: ${title}`,
      'description: One sentence that says what this policy covers.',
      'owner: legal',
      `reviewed: ${today}`,
      `effective: ${today}`,
      'sources:',
      '  - title: Name of the law or official page',
      '    url: https://example.org/replace-me',
    ],
    sop: [
      `title: ${title}`,
      'description: When agents use this procedure.',
      'owner: senior-support',
      `reviewed: ${today}`,
      'markets: ["*"]',
      'channels: [email, chat]',
      'tags: []',
    ],
    culture: [`title: ${title}`, 'description: Tone, holidays and habits of customers in this market.', 'owner: senior-support', `reviewed: ${today}`],
  };
  const body: Record<string, string> = {
    help: '## First step\n\nWrite the answer here. To link another article, link its file, relative to this one.\n',
    policy: '## What applies\n\nState the rule. Use market facts for numbers, e.g. <Fact name="return_window_days" />.\n',
    sop: '## When to use\n\nDescribe the situation.\n\n<Steps>\n1. First step.\n2. Second step.\n</Steps>\n\n<Reply lang="en" title="Reply to the customer">\nHello [customer name],\n</Reply>\n',
    culture: '## Tone and forms of address\n\n## Greetings and sign-offs\n\n## Holidays and peak seasons\n\n## Habits and taboos\n\n## Channels and hours\n',
  };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `---\n${front[type]!.join('\n')}\n---\n\n${body[type]}`);

  const { problems } = collectContent(root, 'internal', { html: false });
  const mine = problems.filter((p) => p.file === file);
  if (mine.length) {
    console.error(new ContentError(mine).message);
    console.error(`\n${file} was written but needs the fixes above.`);
    return 1;
  }
  console.log(`Created ${file}`);
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
