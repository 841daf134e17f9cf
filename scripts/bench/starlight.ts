/**
 * The reference the benchmark compares with: the same generated help articles built by
 * Starlight (Astro's documentation theme) with Astro's own Pagefind search, in a project of its
 * own under bench-out/starlight (installed from npm on first use, never committed).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchLanguages } from './generate.ts';

const labels: Record<string, { label: string; lang?: string; dir?: string }> = {
  en: { label: 'English' },
  de: { label: 'Deutsch' },
  fr: { label: 'Français' },
  es: { label: 'Español' },
  ja: { label: '日本語' },
  'zh-cn': { label: '简体中文', lang: 'zh-CN' },
  ko: { label: '한국어' },
  ar: { label: 'العربية', dir: 'rtl' },
};

/** Creates (once) and returns the Starlight project folder, installed with the same Astro. */
export function prepareStarlight(dir: string, astroVersion: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const pkg = { name: 'starlight-bench', private: true, type: 'module', dependencies: { astro: astroVersion, '@astrojs/starlight': '^0.42.0' } };
  const pkgFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgFile) || fs.readFileSync(pkgFile, 'utf8') !== JSON.stringify(pkg)) {
    fs.writeFileSync(pkgFile, JSON.stringify(pkg));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
  fs.writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  outDir: process.env.STARLIGHT_OUT_DIR,
  integrations: [starlight({ title: 'Bench Shop', defaultLocale: 'en', locales: ${JSON.stringify(labels)} })],
});
`,
  );
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  return dir;
}

/** Copies the corpus's help articles into Starlight's docs collection (title and description kept). */
export function convertCorpus(corpus: string, dir: string): number {
  const docs = path.join(dir, 'src/content/docs');
  fs.rmSync(docs, { recursive: true, force: true });
  let n = 0;
  for (const lang of benchLanguages) {
    const from = path.join(corpus, 'help', lang);
    if (!fs.existsSync(from)) continue;
    for (const rel of fs
      .readdirSync(from, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(from, rel), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const keep = front
        .split('\n')
        .filter((l) => /^(title|description):/.test(l))
        .join('\n');
      const file = path.join(docs, lang, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `---\n${keep}\n---\n${body}`);
      n++;
    }
  }
  return n;
}
