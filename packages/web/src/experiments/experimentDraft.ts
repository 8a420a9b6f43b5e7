// Owns the editable form state of an experiment and its conversion from a stored experiment or a suggestion,
// and to the create/edit request body (rates' minimum effect typed in points, the split in percent).
import type { CreateExperimentRequest, Experiment, ExperimentStatus, Filter } from '../api/types.ts';
import { metricInfo } from './metricInfo.ts';

export interface VariantDraft {
  /** Stable React key: names change while typing. */
  key: string;
  name: string;
  sessionIds: string[];
  /** The filter tree as JSON text; empty for none. */
  filter: string;
  /** Planned share in percent, as typed. */
  split: string;
}

export interface ExperimentDraft {
  name: string;
  hypothesis: string;
  unit: 'conversation' | 'user';
  status: ExperimentStatus;
  variants: VariantDraft[];
  control: string;
  primaryMetric: string;
  secondaryMetrics: string[];
  /** In the primary metric's display unit: points for rates. */
  minEffect: string;
  /** `datetime-local` values (local time, no zone). */
  start: string;
  end: string;
}

/** The fields create and edit share; the lifecycle status is the caller's to add. */
export type RequestBody = Omit<CreateExperimentRequest, 'status'>;

let seq = 0;
const key = () => `v${++seq}`;

const toLocalInput = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const scaleOf = (metric: string) => (metricInfo(metric).scale === 'rate' ? 100 : 1);

type Source = Pick<CreateExperimentRequest, 'name' | 'unit' | 'variants' | 'control' | 'primary_metric'> & {
  hypothesis?: string | null;
  status?: string;
  secondary_metrics?: string[];
  min_effect?: number | null;
  planned_split?: number[] | null;
  start?: string | null;
  end?: string | null;
};

/** A number typed in a form, or undefined when blank; NaN when it is not a number (the server says so). */
const typed = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

export const experimentDraft = {
  empty(): ExperimentDraft {
    return {
      name: '',
      hypothesis: '',
      unit: 'conversation',
      status: 'running',
      variants: [
        { key: key(), name: 'control', sessionIds: [], filter: '', split: '' },
        { key: key(), name: 'treatment', sessionIds: [], filter: '', split: '' },
      ],
      control: 'control',
      primaryMetric: 'success_rate',
      secondaryMetrics: [],
      minEffect: '',
      start: '',
      end: '',
    };
  },

  newVariant(n: number): VariantDraft {
    return { key: key(), name: `variant ${n}`, sessionIds: [], filter: '', split: '' };
  },

  from(e: Source | Experiment): ExperimentDraft {
    const split = e.planned_split ?? null;
    const total = split ? split.reduce((a, b) => a + b, 0) : 0;
    return {
      name: e.name,
      hypothesis: e.hypothesis ?? '',
      unit: e.unit,
      status: (e.status as ExperimentStatus | undefined) ?? 'draft',
      variants: e.variants.map((v, i) => ({
        key: key(),
        name: v.name,
        sessionIds: v.session_ids ?? [],
        filter: v.filter ? JSON.stringify(v.filter, null, 2) : '',
        split: split && total > 0 ? String(Math.round((split[i] / total) * 1000) / 10) : '',
      })),
      control: e.control,
      primaryMetric: e.primary_metric,
      secondaryMetrics: e.secondary_metrics ?? [],
      minEffect:
        e.min_effect === null || e.min_effect === undefined
          ? ''
          : String(Math.round(e.min_effect * scaleOf(e.primary_metric) * 1e6) / 1e6),
      start: toLocalInput(e.start),
      end: toLocalInput(e.end),
    };
  },

  /**
   * The request body, or the field problems found before sending (a filter that is not JSON). Everything else
   * is the server's to judge: its 400 issues come back to the same fields.
   */
  toRequest(d: ExperimentDraft): { body: RequestBody } | { problems: Record<string, string> } {
    const problems: Record<string, string> = {};
    const variants = d.variants.map((v, i) => {
      let filter: Filter | undefined;
      if (v.filter.trim()) {
        try {
          filter = JSON.parse(v.filter) as Filter;
        } catch {
          problems[`variants[${i}].filter`] = 'the filter is not valid JSON';
        }
      }
      return {
        name: v.name,
        ...(v.sessionIds.length > 0 ? { session_ids: v.sessionIds } : {}),
        ...(filter ? { filter } : {}),
      };
    });
    if (Object.keys(problems).length > 0) return { problems };
    const splits = d.variants.map((v) => typed(v.split));
    const anySplit = splits.some((s) => s !== undefined);
    const minEffect = typed(d.minEffect);
    const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
    const body: RequestBody = {
      name: d.name,
      hypothesis: d.hypothesis,
      unit: d.unit,
      variants,
      control: d.control,
      primary_metric: d.primaryMetric,
      secondary_metrics: d.secondaryMetrics.filter((m) => m !== d.primaryMetric),
      ...(minEffect !== undefined ? { min_effect: minEffect / scaleOf(d.primaryMetric) } : {}),
      // A blank share among typed ones is sent as 0 so the server names the field rather than guessing.
      ...(anySplit ? { planned_split: splits.map((s) => (s === undefined ? 0 : s / 100)) } : {}),
      ...(iso(d.start) ? { start: iso(d.start) } : {}),
      ...(iso(d.end) ? { end: iso(d.end) } : {}),
    };
    return { body };
  },
};
