// Tests of the experiment form's state: a suggestion's draft survives the form unchanged, the minimum effect is
// typed in points for rates and in the metric's unit otherwise, shares in percent, a filter that is not JSON is
// caught at its field, and the API's issue paths land on the fields that show them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CreateExperimentRequest, Experiment } from '@llm-analytics/core';
import { editPatch } from '../src/experiments/editPatch.ts';
import { experimentDraft } from '../src/experiments/experimentDraft.ts';
import { formErrors } from '../src/experiments/formErrors.ts';

const SUGGESTION: CreateExperimentRequest = {
  name: 'Support fine-tune: SFT vs DPO',
  unit: 'conversation',
  status: 'draft',
  variants: [
    { name: 'ab-finetune-dpo', session_ids: ['ab-finetune-dpo'] },
    { name: 'ab-finetune-sft', session_ids: ['ab-finetune-sft'] },
  ],
  control: 'ab-finetune-dpo',
  primary_metric: 'success_rate',
  secondary_metrics: ['error_rate', 'latency_p95'],
};

const bodyOf = (r: ReturnType<typeof experimentDraft.toRequest>) => {
  assert.ok('body' in r, JSON.stringify(r));
  return r.body;
};

describe('experiment form state', () => {
  it('sends a suggestion back as it came', () => {
    const { status, ...rest } = SUGGESTION;
    const d = experimentDraft.from(SUGGESTION);
    assert.equal(d.status, status);
    assert.deepEqual(bodyOf(experimentDraft.toRequest(d)), { ...rest, hypothesis: '' });
  });

  it('takes the minimum effect in points for rates and in units otherwise, shares in percent', () => {
    const d = experimentDraft.from(SUGGESTION);
    d.minEffect = '5';
    d.variants[0].split = '60';
    d.variants[1].split = '40';
    const b = bodyOf(experimentDraft.toRequest(d));
    assert.equal(b.min_effect, 0.05);
    assert.deepEqual(b.planned_split, [0.6, 0.4]);
    const back = experimentDraft.from({ ...b, planned_split: [3, 2] });
    assert.equal(back.minEffect, '5');
    assert.deepEqual(
      back.variants.map((v) => v.split),
      ['60', '40'],
    );
    d.primaryMetric = 'latency_p95';
    d.minEffect = '120';
    assert.equal(bodyOf(experimentDraft.toRequest(d)).min_effect, 120);
  });

  it('catches a filter that is not JSON at its field, and parses one that is', () => {
    const d = experimentDraft.from(SUGGESTION);
    d.variants[1].filter = '["eq", "model"';
    assert.deepEqual(experimentDraft.toRequest(d), {
      problems: { 'variants[1].filter': 'the filter is not valid JSON' },
    });
    d.variants[1].filter = '["eq", "model", "gpt-4o"]';
    assert.deepEqual(bodyOf(experimentDraft.toRequest(d)).variants[1], {
      name: 'ab-finetune-sft',
      session_ids: ['ab-finetune-sft'],
      filter: ['eq', 'model', 'gpt-4o'],
    });
  });

  it('puts each API issue on the field that shows it, the rest on the banner', () => {
    const e = formErrors([
      { path: 'name', message: 'too short' },
      { path: 'variants[1].session_ids[3]', message: 'too long' },
      { path: 'variants[0].filter[1][0]', message: 'bad leaf' },
      { path: 'variants[2]', message: 'a variant selects its conversations by session_ids or a filter' },
      { path: 'planned_split[1]', message: 'must be positive' },
      { path: 'surprise', message: 'unknown' },
      { path: '', message: 'whole body' },
    ]);
    assert.deepEqual(e, {
      name: ['too short'],
      'variants[1].session_ids': ['too long'],
      'variants[0].filter': ['bad leaf'],
      'variants[2]': ['a variant selects its conversations by session_ids or a filter'],
      planned_split: ['must be positive'],
      '': ['surprise: unknown', 'whole body'],
    });
  });

  it('sends an edit as the fields that changed, the status only when it moves', () => {
    const stored: Experiment = {
      ...{ hypothesis: null, min_effect: null, start: null, end: null, conclusion: null, created_by: null },
      ...SUGGESTION,
      variants: [
        { name: 'ab-finetune-dpo', session_ids: ['ab-finetune-dpo'] },
        { name: 'ab-finetune-sft', session_ids: ['ab-finetune-sft'] },
      ],
      id: 'x',
      workspace_id: 'w',
      status: 'running',
      status_changed_by: 'a@example.com',
      status_changed_at: '2026-12-01T00:00:00.000Z',
      secondary_metrics: ['error_rate', 'latency_p95'],
      // A split no percent field shows exactly: untouched, it must not count as a change.
      planned_split: [1, 2],
      created_at: '2026-12-01T00:00:00.000Z',
      updated_at: '2026-12-01T00:00:00.000Z',
    };
    const d = experimentDraft.from(stored);
    assert.deepEqual(editPatch(stored, bodyOf(experimentDraft.toRequest(d)), d.status), {});
    d.name = 'renamed';
    d.minEffect = '2';
    assert.deepEqual(editPatch(stored, bodyOf(experimentDraft.toRequest(d)), 'stopped'), {
      name: 'renamed',
      min_effect: 0.02,
      status: 'stopped',
    });
  });
});
