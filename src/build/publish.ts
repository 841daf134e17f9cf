/** Publishing a finished site: the staged folder replaces the output only when everything passed. */
import fs from 'node:fs';

/**
 * Moves each staged site into place: the old folder aside, the new one in. Node has no atomic
 * exchange of two folders, so for a moment between the two renames a target folder is absent;
 * if any rename fails, every step taken is undone.
 */
export function publish(moves: { from: string; to: string; aside: string }[]): void {
  const done: { from: string; to: string; aside?: string; placed: boolean }[] = [];
  try {
    for (const m of moves) {
      const step = { from: m.from, to: m.to, aside: undefined as string | undefined, placed: false };
      done.push(step);
      if (fs.existsSync(m.to)) {
        fs.renameSync(m.to, m.aside);
        step.aside = m.aside;
      }
      fs.renameSync(m.from, m.to);
      step.placed = true;
    }
  } catch (e) {
    for (const step of done.reverse()) {
      if (step.placed) fs.renameSync(step.to, step.from);
      if (step.aside) fs.renameSync(step.aside, step.to);
    }
    throw e;
  }
}
