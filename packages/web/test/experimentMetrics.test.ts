// Tests that the Experiments page offers exactly the registry's metrics with a direction (the ones an experiment
// can be judged on), each with the registry's direction and a scale that matches its unit; and the page's
// number formatting (rates as fractions shown in percent and points).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registry } from '@llm-analytics/core';
import { experimentFormat } from '../src/experiments/experimentFormat.ts';
import { EXPERIMENT_METRICS } from '../src/experiments/experimentMetrics.ts';

describe('experiment metrics', () => {
  it('are the registry metrics with a direction, with that direction', () => {
    const judged = [...registry.metrics.values()].filter((m) => m.direction !== undefined);
    assert.ok(judged.length > 5, 'the registry declares directions');
    assert.deepEqual(EXPERIMENT_METRICS.map((m) => m.id).sort(), judged.map((m) => m.id).sort());
    for (const m of EXPERIMENT_METRICS) {
      const def = registry.metrics.get(m.id);
      assert.equal(m.better, def?.direction, m.id);
      assert.equal(m.scale === 'rate', def?.unit === 'percent', `${m.id}: rates are the percent metrics`);
    }
  });

  it('formats rates as percent and differences in points, with a true minus sign', () => {
    assert.equal(experimentFormat.value('success_rate', 0.8125), '81.3%');
    assert.equal(experimentFormat.difference('success_rate', 0.043), '+4.3 pts');
    assert.equal(experimentFormat.difference('error_rate', -0.012), '−1.2 pts');
    assert.equal(experimentFormat.interval('success_rate', [-0.01, 0.05]), '−1.0 pts to +5.0 pts');
    assert.equal(experimentFormat.difference('latency_p95', -120), '−120 ms');
    assert.equal(experimentFormat.relative(0.25), '+25.0%');
    assert.equal(experimentFormat.p(0.0004), '< 0.001');
    assert.equal(experimentFormat.p(null), '—');
  });
});
