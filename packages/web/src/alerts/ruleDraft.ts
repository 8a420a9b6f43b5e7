// Owns the editable form state of an alert rule: from a stored rule or a blank one, and to the request body
// (numbers as typed, a filter as JSON text, recipients as a comma list, mute until as local time).
import type {
  AlertChannel,
  AlertChannelInput,
  AlertChannelType,
  AlertComparator,
  AlertRule,
  AnomalySensitivity,
  CreateAlertRuleRequest,
  Filter,
} from '@llm-analytics/core';

export type SliceDimension = 'overall' | 'model' | 'provider';

export interface ChannelDraft {
  /** Stable React key. */
  key: string;
  /** Set for a stored channel (its secret and failure count are kept). */
  id?: string;
  type: AlertChannelType;
  name: string;
  url: string;
  /** Email recipients, comma separated. */
  to: string;
  /** What the server says about a stored channel. */
  stored?: Pick<AlertChannel, 'enabled' | 'disabled_reason' | 'consecutive_failures' | 'secret_hint'>;
}

export interface RuleDraft {
  name: string;
  description: string;
  type: 'threshold' | 'anomaly';
  /** A registry metric id; for anomaly rules '' means any watched metric. */
  metric: string;
  filter: string;
  sliceDimension: SliceDimension;
  /** One model or provider; '' watches each of them separately. */
  sliceValue: string;
  comparator: AlertComparator;
  threshold: string;
  windowMinutes: string;
  forMinutes: string;
  sensitivity: AnomalySensitivity;
  cooldownMinutes: string;
  repeatMinutes: string;
  /** `datetime-local` value; '' for not muted. */
  mutedUntil: string;
  enabled: boolean;
  channels: ChannelDraft[];
}

let seq = 0;
const key = () => `c${++seq}`;

const toLocalInput = (iso: string | null): string => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A number typed in a form; NaN when it is not one (the server names the field). */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

function channelFrom(c: AlertChannel): ChannelDraft {
  return {
    key: key(),
    id: c.id,
    type: c.type,
    name: c.name,
    url: c.url ?? '',
    to: (c.to ?? []).join(', '),
    stored: c,
  };
}

function channelInput(c: ChannelDraft): AlertChannelInput {
  const common = { ...(c.id ? { id: c.id } : {}), ...(c.name.trim() ? { name: c.name.trim() } : {}) };
  if (c.type === 'email') {
    const to = c.to
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    return { ...common, type: 'email', to };
  }
  return { ...common, type: c.type, url: c.url.trim() };
}

export const ruleDraft = {
  empty(): RuleDraft {
    return {
      name: '',
      description: '',
      type: 'threshold',
      metric: 'error_rate',
      filter: '',
      sliceDimension: 'overall',
      sliceValue: '',
      comparator: 'gt',
      threshold: '',
      windowMinutes: '60',
      forMinutes: '0',
      sensitivity: 'medium',
      cooldownMinutes: '30',
      repeatMinutes: '',
      mutedUntil: '',
      enabled: true,
      channels: [],
    };
  },

  newChannel(type: AlertChannelType): ChannelDraft {
    return { key: key(), type, name: '', url: '', to: '' };
  },

  channelsFrom(channels: AlertChannel[]): ChannelDraft[] {
    return channels.map(channelFrom);
  },

  from(r: AlertRule): RuleDraft {
    const c = r.condition;
    const base = ruleDraft.empty();
    return {
      ...base,
      name: r.name,
      description: r.description ?? '',
      type: c.type,
      metric: c.metric ?? '',
      filter: c.type === 'threshold' && c.filters ? JSON.stringify(c.filters) : '',
      sliceDimension: c.slice.dimension,
      sliceValue: c.slice.value ?? '',
      ...(c.type === 'threshold'
        ? {
            comparator: c.comparator,
            threshold: String(c.threshold),
            windowMinutes: String(c.window_minutes),
          }
        : { sensitivity: c.sensitivity }),
      forMinutes: String(c.for_minutes),
      cooldownMinutes: String(r.cooldown_minutes),
      repeatMinutes: r.repeat_minutes === null ? '' : String(r.repeat_minutes),
      mutedUntil: toLocalInput(r.muted_until),
      enabled: r.enabled,
      channels: r.channels.map(channelFrom),
    };
  },

  /** The filter the draft names, undefined for none, or an error text when it is not JSON. */
  filterOf(d: RuleDraft): { filter: Filter | undefined } | { problem: string } {
    if (!d.filter.trim()) return { filter: undefined };
    try {
      return { filter: JSON.parse(d.filter) as Filter };
    } catch {
      return { problem: 'the filter is not valid JSON' };
    }
  },

  /** The create body (PATCH takes the same fields), or the problems found before sending. */
  toRequest(d: RuleDraft): { body: CreateAlertRuleRequest } | { problems: Record<string, string> } {
    const f = ruleDraft.filterOf(d);
    if ('problem' in f) return { problems: { 'condition.filters': f.problem } };
    const slice = {
      dimension: d.sliceDimension,
      ...(d.sliceDimension !== 'overall' && d.sliceValue.trim() ? { value: d.sliceValue.trim() } : {}),
    };
    const condition: CreateAlertRuleRequest['condition'] =
      d.type === 'threshold'
        ? {
            type: 'threshold',
            metric: d.metric,
            ...(f.filter ? { filters: f.filter } : {}),
            slice,
            comparator: d.comparator,
            threshold: num(d.threshold),
            window_minutes: num(d.windowMinutes),
            for_minutes: num(d.forMinutes),
          }
        : {
            type: 'anomaly',
            ...(d.metric ? { metric: d.metric } : {}),
            sensitivity: d.sensitivity,
            slice,
            for_minutes: num(d.forMinutes),
          };
    return {
      body: {
        name: d.name,
        description: d.description,
        condition,
        channels: d.channels.map(channelInput),
        cooldown_minutes: num(d.cooldownMinutes),
        repeat_minutes: d.repeatMinutes.trim() ? num(d.repeatMinutes) : null,
        muted_until: d.mutedUntil ? new Date(d.mutedUntil).toISOString() : null,
        enabled: d.enabled,
      },
    };
  },
};
