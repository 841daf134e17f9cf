/** Sends "Was this helpful?" answers in the background; the form still works without this. */
export function initFeedback(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-feedback]')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      const status = form.querySelector<HTMLElement>('.feedback-status')!;
      const body = new FormData(form);
      if (submitter?.name) body.set(submitter.name, submitter.value);
      const buttons = form.querySelectorAll('button');
      for (const b of buttons) b.disabled = true;
      try {
        const res = await fetch(form.action, { method: 'POST', body: new URLSearchParams(body as unknown as Record<string, string>), mode: 'cors' });
        if (!res.ok) throw new Error(String(res.status));
        status.textContent = form.dataset.thanks ?? '';
        form.querySelector('fieldset')!.hidden = true;
      } catch {
        status.textContent = form.dataset.error ?? '';
        for (const b of buttons) b.disabled = false;
      }
    });
  }
}
