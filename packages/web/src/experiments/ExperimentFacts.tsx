// Owns the facts line under an experiment's title: who moved it to its status and when, its window, unit,
// minimum effect and planned split.
import type { Experiment } from '../api/types';
import { experimentFormat } from './experimentFormat';

const day = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ExperimentFacts({ experiment: e }: { experiment: Experiment }) {
  const total = e.planned_split?.reduce((a, b) => a + b, 0) ?? 0;
  const facts: [string, string][] = [
    [e.status, `since ${day(e.status_changed_at)}${e.status_changed_by ? ` by ${e.status_changed_by}` : ''}`],
    ['window', `${e.start ? day(e.start) : 'all data'} – ${e.end ? day(e.end) : 'now'}`],
    ['unit', e.unit],
  ];
  if (e.min_effect !== null)
    facts.push([
      'minimum effect',
      experimentFormat.difference(e.primary_metric, e.min_effect).replace(/^\+/, ''),
    ]);
  if (e.planned_split && total > 0)
    facts.push([
      'planned split',
      e.variants
        .map((v, i) => `${v.name} ${Math.round(((e.planned_split?.[i] ?? 0) / total) * 100)}%`)
        .join(' · '),
    ]);
  return (
    <dl className="facts-inline experiment-facts" data-testid="experiment-facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
