/**
 * Sends "Was this helpful?" answers in the background; the form still works without this. To the
 * collector as JSON (`data-json`), the comment redacted first; to another endpoint as the form
 * would. When the browser signals Global Privacy Control or Do Not Track, the collector's widget
 * is removed rather than sending anything.
 */
import { consented } from './privacy.ts';
import { savedMarket } from './market.ts';

export function initFeedback(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-feedback]')) {
    const json = form.dataset.json !== undefined;
    if (json && !consented()) {
      form.remove();
      continue;
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      const status = form.querySelector<HTMLElement>('.feedback-status')!;
      const body = new FormData(form);
      if (submitter?.name) body.set(submitter.name, submitter.value);
      const buttons = form.querySelectorAll('button');
      for (const b of buttons) b.disabled = true;
      try {
        const res = json
          ? await sendJson(form.action, body)
          : await fetch(form.action, { method: 'POST', body: new URLSearchParams(body as unknown as Record<string, string>), mode: 'cors' });
        if (!res.ok) throw new Error(String(res.status));
        status.textContent = form.dataset.thanks ?? '';
        for (const part of form.querySelectorAll<HTMLElement>('fieldset, details')) part.hidden = true;
      } catch {
        status.textContent = form.dataset.error ?? '';
        for (const b of buttons) b.disabled = false;
      }
    });
  }
}

async function sendJson(url: string, form: FormData): Promise<Response> {
  // Loaded when a reader answers, so pages carry no redaction code until then.
  const { redact } = await import('../shared/redact.ts');
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const market = get('market') ?? savedMarket()?.id;
  const comment = get('comment');
  const reason = get('reason');
  const answer = {
    site: get('site') === 'internal' ? 'internal' : 'public',
    page: get('page'),
    lang: get('lang'),
    helpful: get('helpful') === 'yes',
    ...(market ? { market } : {}),
    ...(reason ? { reason } : {}),
    ...(comment ? { comment: redact(comment).slice(0, 500) } : {}),
  };
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer), mode: 'cors', credentials: 'omit' });
}
