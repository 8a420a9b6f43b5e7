// Owns the demo's model catalogue: registry rows plus the per-model behaviour (latency, tokens, quality, errors)
// the generator samples from. Behaviour lives next to the registry row so one model is described in one place.
import type { ModelInput } from '@llm-analytics/core';

export interface DemoModelProfile {
  row: ModelInput & { model_id: string; provider: string };
  /** Median response latency in ms and log-normal shape: each model has its own distribution. */
  latencyMedianMs: number;
  latencySigma: number;
  /** Median completion length in tokens. */
  outputTokensMedian: number;
  /** Probability an evaluated answer passes; drives ratings too. Fine-tunes beat their base on purpose. */
  successRate: number;
  /** Probability a call fails outright, and how that failure is distributed over error types. */
  errorRate: number;
  errorMix: readonly [timeout: number, rateLimit: number, serverError: number];
  /** Share of general (non-experiment) traffic this model receives. */
  trafficWeight: number;
}

const BASE_ID = 'llama-3-8b-base';
const DEPLOYED = '2025-06-02T09:00:00Z';

/** Fields shared by the three Llama fine-tunes, which differ only in method, data and results. */
function fineTune(
  method: 'sft' | 'dpo' | 'rlhf',
  dataset: Record<string, unknown>,
  metrics: Record<string, unknown>,
  jobNo: number,
): DemoModelProfile['row'] {
  return {
    model_id: `llama-3-8b-support-${method}`,
    name: `Llama 3 8B Support (${method.toUpperCase()})`,
    provider: 'runpod',
    training_method: method,
    base_model: BASE_ID,
    training_dataset: dataset,
    evaluation_metrics: metrics,
    metadata: {
      training_job_id: `job_${method}_${String(4810 + jobNo)}`,
      runpod_endpoint_id: `ep-${method}-7f3k${jobNo}q`,
      deployment_type: 'serverless',
      deployed_at: `2025-0${6 + jobNo}-1${jobNo}T10:30:00Z`,
      gpu: 'NVIDIA A40',
    },
  };
}

export const DEMO_MODELS: readonly DemoModelProfile[] = [
  {
    row: { model_id: 'gpt-4o', name: 'GPT-4o', provider: 'openai', training_method: 'other' },
    latencyMedianMs: 1400,
    latencySigma: 0.45,
    outputTokensMedian: 320,
    successRate: 0.88,
    errorRate: 0.015,
    errorMix: [0.2, 0.6, 0.2],
    trafficWeight: 3,
  },
  {
    row: { model_id: 'gpt-4o-mini', name: 'GPT-4o mini', provider: 'openai', training_method: 'other' },
    latencyMedianMs: 750,
    latencySigma: 0.4,
    outputTokensMedian: 260,
    successRate: 0.8,
    errorRate: 0.012,
    errorMix: [0.15, 0.65, 0.2],
    trafficWeight: 4,
  },
  {
    row: {
      model_id: 'claude-3-5-sonnet-20241022',
      name: 'Claude 3.5 Sonnet',
      provider: 'anthropic',
      training_method: 'other',
    },
    latencyMedianMs: 1700,
    latencySigma: 0.5,
    outputTokensMedian: 380,
    successRate: 0.9,
    errorRate: 0.02,
    errorMix: [0.25, 0.35, 0.4],
    trafficWeight: 3,
  },
  {
    row: {
      model_id: 'claude-3-5-haiku-20241022',
      name: 'Claude 3.5 Haiku',
      provider: 'anthropic',
      training_method: 'other',
    },
    latencyMedianMs: 650,
    latencySigma: 0.35,
    outputTokensMedian: 220,
    successRate: 0.79,
    errorRate: 0.01,
    errorMix: [0.2, 0.5, 0.3],
    trafficWeight: 2,
  },
  {
    row: {
      model_id: BASE_ID,
      name: 'Llama 3 8B (base)',
      provider: 'runpod',
      training_method: 'base',
      base_model: null,
      training_dataset: null,
      evaluation_metrics: { mmlu: 0.664, eval_loss: 1.92, win_rate_vs_gpt_4o_mini: 0.31 },
      metadata: {
        runpod_endpoint_id: 'ep-base-2m9x1a',
        deployment_type: 'serverless',
        deployed_at: DEPLOYED,
        hf_repo: 'meta-llama/Meta-Llama-3-8B',
        gpu: 'NVIDIA A40',
      },
    },
    latencyMedianMs: 900,
    latencySigma: 0.65,
    outputTokensMedian: 300,
    successRate: 0.55,
    errorRate: 0.04,
    errorMix: [0.6, 0.05, 0.35],
    trafficWeight: 1,
  },
  {
    row: fineTune(
      'sft',
      { name: 'support-transcripts-v3', rows: 48_200, source: 'zendesk export, PII-scrubbed', epochs: 3 },
      { eval_loss: 1.21, mmlu: 0.659, win_rate_vs_base: 0.71 },
      1,
    ),
    latencyMedianMs: 950,
    latencySigma: 0.55,
    outputTokensMedian: 240,
    successRate: 0.74,
    errorRate: 0.03,
    errorMix: [0.55, 0.05, 0.4],
    trafficWeight: 1.5,
  },
  {
    row: fineTune(
      'dpo',
      { name: 'support-preferences-v2', pairs: 12_750, source: 'agent-ranked answer pairs', beta: 0.1 },
      { eval_loss: 1.09, reward_margin: 0.84, win_rate_vs_base: 0.78, win_rate_vs_sft: 0.58 },
      2,
    ),
    latencyMedianMs: 980,
    latencySigma: 0.5,
    outputTokensMedian: 230,
    successRate: 0.8,
    errorRate: 0.025,
    errorMix: [0.5, 0.05, 0.45],
    trafficWeight: 1.5,
  },
  {
    row: fineTune(
      'rlhf',
      {
        name: 'support-feedback-ppo',
        prompts: 30_000,
        reward_model: 'rm-support-1.3b',
        source: 'thumbs up/down',
      },
      { mean_reward: 2.41, kl_to_sft: 0.062, win_rate_vs_base: 0.82, win_rate_vs_sft: 0.63 },
      3,
    ),
    latencyMedianMs: 1050,
    latencySigma: 0.5,
    outputTokensMedian: 260,
    successRate: 0.83,
    errorRate: 0.025,
    errorMix: [0.5, 0.05, 0.45],
    trafficWeight: 1.5,
  },
  {
    row: {
      model_id: 'mistral-7b-instruct-v0.3',
      name: 'Mistral 7B Instruct v0.3',
      provider: 'runpod',
      training_method: 'other',
      metadata: { runpod_endpoint_id: 'ep-mistral-8c2p0d', deployment_type: 'pod', deployed_at: DEPLOYED },
    },
    latencyMedianMs: 700,
    latencySigma: 0.55,
    outputTokensMedian: 210,
    successRate: 0.66,
    errorRate: 0.035,
    errorMix: [0.5, 0.1, 0.4],
    trafficWeight: 1,
  },
];
