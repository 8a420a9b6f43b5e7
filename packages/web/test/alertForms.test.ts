// Tests of the alert rule form's state and the AnomalyFeed's click: a stored rule survives the form unchanged
// (checked by core's request schema), blanks and bad JSON are caught, the API's issue paths land on the fields
// that show them, the preview asks for the rule's slice, and an anomaly's focus covers it with a margin.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AlertRule,
  CreateAlertRuleRequestSchema,
  UpdateAlertRuleRequestSchema,
} from '@llm-analytics/core';
import { previewQuery } from '../src/alerts/previewQuery.ts';
import { ruleDraft } from '../src/alerts/ruleDraft.ts';
import { ruleErrors, withoutEdited } from '../src/alerts/ruleErrors.ts';
import { anomalyFocus } from '../src/anomalies/anomalyFocus.ts';

const RULE: AlertRule = {
  id: 'r1',
  name: 'Error spike',
  description: 'errors per model',
  condition: {
    type: 'threshold',
    metric: 'error_rate',
    filters: ['eq', 'widget', true],
    slice: { dimension: 'model' },
    comparator: 'gt',
    threshold: 5,
    window_minutes: 60,
    for_minutes: 10,
  },
  channels: [
    {
      id: 'c1',
      type: 'webhook',
      name: 'Ops hook',
      url: 'https://example.com/hook',
      to: null,
      secret_hint: 'abcd',
      enabled: true,
      consecutive_failures: 0,
      disabled_reason: null,
    },
    {
      id: 'c2',
      type: 'email',
      name: 'On call',
      url: null,
      to: ['a@example.com', 'b@example.com'],
      secret_hint: null,
      enabled: false,
      consecutive_failures: 5,
      disabled_reason: 'connection refused',
    },
  ],
  cooldown_minutes: 30,
  repeat_minutes: 120,
  muted_until: null,
  enabled: true,
  state: 'firing',
  slices: [],
  suggested: false,
  last_evaluated_at: null,
  created_by: null,
  created_at: '2026-12-01T00:00:00.000Z',
  updated_at: '2026-12-01T00:00:00.000Z',
};

const bodyOf = (r: ReturnType<typeof ruleDraft.toRequest>) => {
  assert.ok('body' in r, JSON.stringify(r));
  return r.body;
};

describe('alert rule form state', () => {
  it('sends a stored rule back as it came, channels named by id', () => {
    const body = bodyOf(ruleDraft.toRequest(ruleDraft.from(RULE)));
    const parsed = CreateAlertRuleRequestSchema.parse(body);
    assert.deepEqual(parsed.condition, RULE.condition);
    assert.deepEqual(parsed.channels, [
      { id: 'c1', type: 'webhook', name: 'Ops hook', url: 'https://example.com/hook' },
      { id: 'c2', type: 'email', name: 'On call', to: ['a@example.com', 'b@example.com'] },
    ]);
    assert.equal(parsed.cooldown_minutes, 30);
    assert.equal(parsed.repeat_minutes, 120);
    assert.equal(parsed.muted_until, null);
    // An edit sends the same body as a PATCH.
    assert.ok(UpdateAlertRuleRequestSchema.safeParse(body).success);
  });

  it('builds an anomaly rule on any metric, one named model, muted until a local time', () => {
    const d = {
      ...ruleDraft.empty(),
      name: 'Any anomaly',
      type: 'anomaly' as const,
      metric: '',
      sensitivity: 'high' as const,
      sliceDimension: 'model' as const,
      sliceValue: 'gpt-4o',
      mutedUntil: '2027-01-02T03:04',
    };
    const body = CreateAlertRuleRequestSchema.parse(bodyOf(ruleDraft.toRequest(d)));
    assert.deepEqual(body.condition, {
      type: 'anomaly',
      sensitivity: 'high',
      slice: { dimension: 'model', value: 'gpt-4o' },
      for_minutes: 0,
    });
    assert.equal(body.muted_until, new Date('2027-01-02T03:04').toISOString());
  });

  it('sends a blank threshold as null (the server names it) and catches a filter that is not JSON', () => {
    const blank = bodyOf(ruleDraft.toRequest({ ...ruleDraft.empty(), name: 'x' }));
    const res = CreateAlertRuleRequestSchema.safeParse(JSON.parse(JSON.stringify(blank)));
    assert.equal(res.success, false);
    assert.deepEqual(
      res.error?.issues.map((i) => i.path.join('.')),
      ['condition.threshold'],
    );
    const bad = ruleDraft.toRequest({ ...ruleDraft.empty(), filter: '["eq", ' });
    assert.deepEqual(bad, { problems: { 'condition.filters': 'the filter is not valid JSON' } });
  });

  it('puts the API issues at their fields, the rest in the banner', () => {
    const e = ruleErrors([
      { path: 'condition.threshold', message: 'expected number' },
      { path: 'channels[1].to[0]', message: 'invalid email' },
      { path: 'condition.filters[1][0]', message: 'unknown dimension' },
      { path: 'something.else', message: 'odd' },
    ]);
    assert.deepEqual(e, {
      'condition.threshold': ['expected number'],
      'channels[1].to': ['invalid email'],
      'condition.filters': ['unknown dimension'],
      '': ['something.else: odd'],
    });
    // Correcting a field drops its message; editing any channel drops the channels' ones.
    assert.deepEqual(Object.keys(withoutEdited(e, { threshold: '5' })).sort(), [
      '',
      'channels[1].to',
      'condition.filters',
    ]);
    assert.deepEqual(Object.keys(withoutEdited(e, { channels: [] })).sort(), [
      '',
      'condition.filters',
      'condition.threshold',
    ]);
  });

  it('previews the rule in its filters and slice, hourly for short windows', () => {
    const d = ruleDraft.from(RULE);
    assert.deepEqual(previewQuery(d, ['eq', 'widget', true]), {
      metrics: ['error_rate'],
      dimensions: ['time', 'model'],
      granularity: 'hour',
      date_range: '30d',
      filters: ['eq', 'widget', true],
    });
    const one = previewQuery({ ...d, sliceValue: 'gpt-4o', windowMinutes: '1440' }, undefined);
    assert.deepEqual(one.filters, ['eq', 'model', 'gpt-4o']);
    assert.deepEqual(one.dimensions, ['time']);
    assert.equal(one.granularity, 'day');
  });
});

describe('anomaly focus', () => {
  it('covers an hourly anomaly with a day either side and filters its model', () => {
    const f = anomalyFocus({
      start: '2026-11-10T05:00:00.000Z',
      end: '2026-11-10T09:00:00.000Z',
      granularity: 'hour',
      slice: { dimension: 'model', value: 'gpt-4o' },
    });
    assert.equal(f.range, 'custom');
    assert.equal(f.customFrom, '2026-11-09');
    assert.equal(f.customTo, '2026-11-11');
    assert.deepEqual(f.filters.models, ['gpt-4o']);
    assert.deepEqual(f.filters.providers, []);
  });

  it('widens a long daily anomaly by its own length and filters a provider; overall clears the filters', () => {
    const f = anomalyFocus({
      start: '2026-11-01T00:00:00.000Z',
      end: '2026-11-11T00:00:00.000Z',
      granularity: 'day',
      slice: { dimension: 'provider', value: 'openai' },
    });
    assert.equal(f.customFrom, '2026-10-22');
    // The end is exclusive: ten days from the 1st end on the 10th, plus ten days of margin.
    assert.equal(f.customTo, '2026-11-20');
    assert.deepEqual(f.filters.providers, ['openai']);
    const all = anomalyFocus({
      start: '2026-11-01T00:00:00.000Z',
      end: '2026-11-02T00:00:00.000Z',
      granularity: 'day',
      slice: { dimension: 'overall', value: null },
    });
    assert.deepEqual([all.filters.models, all.filters.providers], [[], []]);
    assert.equal(all.customFrom, '2026-10-29');
    assert.equal(all.customTo, '2026-11-04');
  });
});
