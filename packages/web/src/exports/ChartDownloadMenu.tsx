// Owns a chart card's download menu: CSV / JSON of the widget's own query (exported by the server, so the file
// holds exactly the query's rows) and PNG / SVG of the drawn chart.
import type { AnalyticsQuery } from '@llm-analytics/core';
import { useEffect, useRef, useState } from 'react';
import type { ChartImage } from './ChartImageSlot';
import { downloadExport, runExport } from './exportsApi';
import { saveBlob } from './saveBlob';

type Choice = 'csv' | 'json' | 'png' | 'svg';

export function ChartDownloadMenu(props: {
  id: string;
  title: string;
  query: AnalyticsQuery;
  image: ChartImage | null;
}) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A native <details> stays open until toggled; a menu closes on a click elsewhere or Escape.
  useEffect(() => {
    const close = (e: Event) => {
      const el = menu.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node))
        el.removeAttribute('open');
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const base = `${props.id}-${new Date().toISOString().slice(0, 10)}`;
  const run = async (choice: Choice) => {
    menu.current?.removeAttribute('open');
    setBusy(choice);
    setError(null);
    try {
      if (choice === 'png' || choice === 'svg') {
        const image = props.image;
        if (!image) throw new Error('the chart is not drawn yet');
        const blob =
          choice === 'png' ? dataUrlBlob(image.png()) : new Blob([image.svg()], { type: 'image/svg+xml' });
        saveBlob(blob, `${base}.${choice}`);
      } else {
        const reply = await runExport(
          { format: choice, exportType: 'query', query: props.query, fileName: base },
          () => {},
        );
        await downloadExport(reply.downloadUrl, reply.fileName);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const choices: { value: Choice; label: string }[] = [
    { value: 'csv', label: 'CSV (rows)' },
    { value: 'json', label: 'JSON (rows)' },
    ...(props.image
      ? [
          { value: 'png' as const, label: 'PNG image' },
          { value: 'svg' as const, label: 'SVG image' },
        ]
      : []),
  ];
  return (
    <div className="download-menu" data-testid={`download-${props.id}`}>
      <details ref={menu}>
        <summary aria-label={`Download ${props.title}`} aria-busy={busy !== null}>
          {busy ? 'Preparing…' : 'Download'}
        </summary>
        <ul>
          {choices.map((c) => (
            <li key={c.value}>
              <button
                type="button"
                className="link"
                data-download={c.value}
                disabled={busy !== null}
                onClick={() => void run(c.value)}
              >
                {c.label}
              </button>
            </li>
          ))}
        </ul>
      </details>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A base64 data URL's bytes (decoded here: the page's CSP lets fetch reach only the server). */
function dataUrlBlob(url: string): Blob {
  const [head, data = ''] = url.split(',', 2);
  const bin = atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: head?.match(/^data:([^;,]+)/)?.[1] ?? 'application/octet-stream' });
}
