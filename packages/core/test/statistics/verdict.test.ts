// Tests verdicts, the Holm-adjusted comparison rows and that they parse as the results wire shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildComparisons } from '../../src/statistics/buildComparisons.ts';
import { compareProportions } from '../../src/statistics/compareProportions.ts';
import { MIN_UNITS_PER_VARIANT, verdict } from '../../src/statistics/verdict.ts';
import { welchTTest } from '../../src/statistics/welchTTest.ts';
import {
  CreateExperimentRequestSchema,
  ExperimentComparisonSchema,
  ExperimentResultsSchema,
  UpdateExperimentRequestSchema,
} from '../../src/wire/experiments.ts';

const base = { controlN: 100, variantN: 100 };

test('verdict follows the interval and the metric direction', () => {
  assert.equal(verdict({ ...base, ci: [0.01, 0.05], direction: 'higher' }), 'better');
  assert.equal(
    verdict({ ...base, ci: [0.01, 0.05], direction: 'lower' }),
    'worse',
    'higher latency is worse',
  );
  assert.equal(
    verdict({ ...base, ci: [-0.05, -0.01], direction: 'lower' }),
    'better',
    'lower error rate is better',
  );
  assert.equal(verdict({ ...base, ci: [-0.05, -0.01], direction: 'higher' }), 'worse');
  assert.equal(verdict({ ...base, ci: [-0.01, 0.05], direction: 'higher' }), 'no_difference');
  assert.equal(verdict({ ...base, ci: null, direction: 'higher' }), 'insufficient_data');
  assert.equal(MIN_UNITS_PER_VARIANT, 30);
  assert.equal(
    verdict({ controlN: 29, variantN: 500, ci: [0.2, 0.5], direction: 'higher' }),
    'insufficient_data',
  );
  assert.equal(verdict({ ...base, ci: [0.2, 0.5], direction: 'higher', minUnits: 101 }), 'insufficient_data');
  assert.equal(
    verdict({ ...base, ci: [0.001, 0.05], direction: 'higher', adjustedPValue: 0.2 }),
    'no_difference',
    'a difference that does not survive Holm is not claimed',
  );
});

test('buildComparisons adjusts across every variant × metric and yields valid wire rows', () => {
  const rows = buildComparisons([
    {
      variant: 'B',
      metric: 'success_rate',
      direction: 'higher',
      estimate: compareProportions({ successes: 300, trials: 1000 }, { successes: 380, trials: 1000 }),
    },
    {
      variant: 'B',
      metric: 'latency_avg',
      direction: 'lower',
      estimate: welchTTest(
        { n: 1000, mean: 900, variance: 90_000 },
        { n: 1000, mean: 880, variance: 90_000 },
      ),
    },
    {
      variant: 'C',
      metric: 'success_rate',
      direction: 'higher',
      estimate: compareProportions({ successes: 300, trials: 1000 }, { successes: 3, trials: 10 }),
    },
  ]);
  assert.equal(rows.length, 3);
  for (const row of rows) ExperimentComparisonSchema.parse(row);
  const ps = rows.map((r) => r.p_value!);
  const order = [0, 1, 2].sort((a, b) => ps[a] - ps[b]);
  assert.equal(rows[order[0]].adjusted_p_value, Math.min(1, 3 * ps[order[0]]));
  assert.equal(rows[0].verdict, 'better');
  assert.equal(rows[1].verdict, 'no_difference');
  assert.equal(rows[2].verdict, 'insufficient_data', 'ten conversations are not enough');
  assert.ok(rows[0].relative_difference! > 0.26 && rows[0].relative_difference! < 0.27);
});

test('the results and request shapes accept the issue’s examples and refuse broken ones', () => {
  const body = {
    name: 'Prompt v2',
    unit: 'conversation',
    variants: [
      { name: 'A', session_ids: ['s-a'] },
      { name: 'B', filter: ['eq', 'model_id', 'gpt-4o'] },
    ],
    control: 'A',
    primary_metric: 'success_rate',
    planned_split: [0.5, 0.5],
  };
  assert.ok(CreateExperimentRequestSchema.safeParse(body).success);
  assert.ok(
    !CreateExperimentRequestSchema.safeParse({ ...body, control: 'Z' }).success,
    'control must be a variant',
  );
  assert.ok(!CreateExperimentRequestSchema.safeParse({ ...body, planned_split: [1] }).success);
  assert.ok(
    !CreateExperimentRequestSchema.safeParse({
      ...body,
      variants: [{ name: 'A' }, { name: 'B', session_ids: ['x'] }],
    }).success,
  );
  assert.ok(!CreateExperimentRequestSchema.safeParse({ ...body, status: 'concluded' }).success);
  assert.ok(UpdateExperimentRequestSchema.safeParse({ status: 'concluded', conclusion: 'B wins' }).success);
  assert.ok(!UpdateExperimentRequestSchema.safeParse({ status: 'paused' }).success);

  const now = '2026-01-01T00:00:00.000Z';
  const results = {
    experiment: {
      id: 'e1',
      workspace_id: 'w1',
      name: 'Prompt v2',
      hypothesis: null,
      unit: 'conversation',
      status: 'running',
      status_changed_by: 'u1',
      status_changed_at: now,
      variants: body.variants,
      control: 'A',
      primary_metric: 'success_rate',
      secondary_metrics: [],
      min_effect: 0.05,
      planned_split: [0.5, 0.5],
      start: now,
      end: null,
      conclusion: null,
      created_by: 'u1',
      created_at: now,
      updated_at: now,
    },
    mode: 'sequential',
    variants: [{ name: 'A', conversations: 10, users: 4, metrics: { success_rate: 0.3 } }],
    comparisons: [],
    srm: { p_value: 0.4, mismatch: false },
    power: { metric: 'success_rate', needed_per_variant: 1374, eta: now },
  };
  assert.ok(ExperimentResultsSchema.safeParse(results).success);
  assert.ok(!ExperimentResultsSchema.safeParse({ ...results, mode: 'bayesian' }).success);
});
