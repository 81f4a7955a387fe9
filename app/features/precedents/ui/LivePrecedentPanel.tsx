import { useEffect, useRef, useState } from 'react';
import type { PrecedentResult } from '../precedents.server';
import { PrecedentPanel } from './PrecedentList';

/** What the editor's form currently holds: the FEST product id and the main indication. */
function chosen(): { drug: string; diagnosis: string } {
  const value = (name: string) =>
    document.querySelector<HTMLInputElement>(`input[type="hidden"][name="${name}"]`)?.value ?? '';
  return { drug: value('drug'), diagnosis: value('diagnoses') };
}

/**
 * The precedent panel in the application editor: rendered by the server from the saved answers
 * (works without JavaScript after a save), then refreshed from `/api/presedenser` when the
 * drug or the main diagnosis chosen in the editor changes.
 */
export function LivePrecedentPanel({ initial }: { initial: PrecedentResult | null }) {
  const [result, setResult] = useState(initial);
  const last = useRef<string | null>(null);
  useEffect(() => {
    last.current = JSON.stringify(chosen());
    let controller: AbortController | null = null;
    const check = () => {
      const now = chosen();
      const key = JSON.stringify(now);
      if (key === last.current) return;
      last.current = key;
      controller?.abort();
      if (now.drug === '' || now.diagnosis === '') {
        setResult(null);
        return;
      }
      controller = new AbortController();
      const query = new URLSearchParams({ legemiddel: now.drug, diagnose: now.diagnosis });
      fetch(`/api/presedenser?${query.toString()}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ result: PrecedentResult | null }>) : null))
        .then((body) => {
          if (body) setResult(body.result);
        })
        .catch(() => undefined);
    };
    // Hidden inputs change without events: look after every interaction and now and then.
    const timer = window.setInterval(check, 1500);
    document.addEventListener('click', check);
    document.addEventListener('change', check);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('click', check);
      document.removeEventListener('change', check);
      controller?.abort();
    };
  }, []);
  return (
    <div aria-live="polite">
      <PrecedentPanel result={result} id="precedents-live" />
    </div>
  );
}
