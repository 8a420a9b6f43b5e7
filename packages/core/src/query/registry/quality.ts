// Owns evaluation metrics (ratings, success, failures) and evaluation-level dimensions and filters.
import type { RegistrySubject } from './types.ts';

export const qualitySubject: RegistrySubject = {
  // Where the subject is declared, for the links of docs/metrics.md.
  module: import.meta.url,
  partials: [
    { id: 'ev_n', grain: 'evaluation', kind: 'additive', sql: () => 'count(*)' },
    { id: 'ev_rated', grain: 'evaluation', kind: 'additive', sql: () => 'count(e.rating)' },
    { id: 'ev_rating_sum', grain: 'evaluation', kind: 'additive', sql: () => 'sum(e.rating)' },
    { id: 'ev_succ', grain: 'evaluation', kind: 'additive', sql: (x) => x.dialect.countIf('e.success') },
    {
      id: 'ev_fail',
      grain: 'evaluation',
      kind: 'additive',
      sql: (x) => x.dialect.countIf('NOT e.success'),
    },
    {
      id: 'ev_evaluators',
      grain: 'evaluation',
      kind: 'holistic',
      sql: () => 'count(DISTINCT e.evaluator_id)',
    },
  ],
  metrics: [
    {
      id: 'evaluations',
      grain: 'evaluation',
      sql: '{ev_n}',
      type: 'count',
      unit: 'evaluations',
      description:
        'Evaluations of the counted messages (an evaluation counts when its message is in the date window and passes the filters).',
      empty: 0,
    },
    {
      id: 'rated_evaluations',
      grain: 'evaluation',
      sql: '{ev_rated}',
      type: 'count',
      unit: 'evaluations',
      description: 'Evaluations that carry a rating (the denominator of `avg_rating`).',
      empty: 0,
    },
    {
      id: 'avg_rating',
      grain: 'evaluation',
      sql: '{ev_rating_sum} / NULLIF({ev_rated}, 0)',
      type: 'average',
      unit: 'rating',
      description:
        'Σ rating / evaluations that have a rating (1–5). An evaluation without a rating is left out, not counted as a rating of 0.',
      notes: [
        'The seed\'s discovery document checks Model Performance ("Calculate average rating from joined evaluations")',
        'against `sum(ratings) / count(evaluations)`. `rating` is optional on an evaluation (one may carry only',
        '`success` and `failure_tags`), so this product divides by the evaluations that **have** a rating: the two',
        'agree whenever every evaluation carries a rating; otherwise `avg_rating` is Σ rating / rated evaluations,',
        "while the seed's formula, dividing by all evaluations, would count each unrated evaluation as a 0 and fall",
        '(ratings 4 and 5 and one unrated evaluation: 4.5 here, 3 by the seed formula). `evaluations` still counts',
        "the unrated ones; a group whose evaluations are all unrated has a null average. The seed's endpoints report",
        'this same metric under their own field names: `avgRating` in `GET /api/analytics/data` (quality points and',
        '`aggregations`) and `avg_rating` in `GET /api/analytics/model-comparison`.',
      ].join(' '),
      empty: null,
      direction: 'higher',
      per: 'rated_evaluations',
    },
    {
      id: 'success_rate',
      grain: 'evaluation',
      sql: '100.0 * {ev_succ} / NULLIF({ev_n}, 0)',
      type: 'rate',
      unit: 'percent',
      description: 'Evaluations with success = true / all evaluations × 100.',
      empty: null,
      direction: 'higher',
      per: 'evaluations',
    },
    {
      id: 'failures',
      grain: 'evaluation',
      sql: '{ev_fail}',
      type: 'count',
      unit: 'evaluations',
      description: 'Evaluations with success = false.',
      empty: 0,
      direction: 'lower',
    },
    {
      id: 'evaluators',
      grain: 'evaluation',
      sql: '{ev_evaluators}',
      type: 'count',
      unit: 'evaluators',
      description:
        'Distinct `evaluator_id`s among the counted evaluations (null evaluator ids are not counted).',
      empty: 0,
    },
  ],
  dimensions: [
    {
      id: 'rating',
      grain: 'evaluation',
      sql: () => 'e.rating',
      type: 'number',
      unit: 'rating',
      description:
        'The evaluation `rating` (1–5). With message metrics a message is counted once under each rating it received.',
      groupable: true,
    },
    {
      id: 'failure_tag',
      grain: 'evaluation',
      sql: () => 'e.tag',
      array: 'e.failure_tags',
      type: 'string',
      unit: 'none',
      description:
        'One entry of the evaluation `failure_tags`; an evaluation with several tags counts once under each, one without tags under none.',
      groupable: true,
    },
    {
      id: 'evaluator',
      grain: 'evaluation',
      sql: () => 'e.evaluator_id',
      type: 'string',
      unit: 'none',
      description:
        'The evaluation `evaluator_id` (who rated: an end-user, a reviewer or an LLM judge). With message metrics a message is counted once under each evaluator who rated it.',
      groupable: true,
    },
    {
      id: 'success',
      grain: 'evaluation',
      sql: () => 'e.success',
      type: 'boolean',
      unit: 'none',
      description:
        'Filter only: the evaluation `success` judgment. Evaluation metrics keep the evaluations with that value; message and tool metrics keep the messages that have at least one such evaluation (unevaluated messages drop out).',
      groupable: false,
    },
  ],
};
