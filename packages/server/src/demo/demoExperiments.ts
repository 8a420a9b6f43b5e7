// Owns the demo's A/B sessions: which experiments run, which session (variant) serves which model, and how
// conversation traffic is shared between experiment sessions and ordinary chat.
export interface DemoSession {
  session_id: string;
  experiment_name: string;
  model_id: string;
}

/** Three experiments, two variants each; a session is one arm, as in the seed's session-based A/B model. */
export const DEMO_SESSIONS: readonly DemoSession[] = [
  {
    session_id: 'ab-finetune-sft',
    experiment_name: 'Support fine-tune: SFT vs DPO',
    model_id: 'llama-3-8b-support-sft',
  },
  {
    session_id: 'ab-finetune-dpo',
    experiment_name: 'Support fine-tune: SFT vs DPO',
    model_id: 'llama-3-8b-support-dpo',
  },
  {
    session_id: 'ab-frontier-gpt4o',
    experiment_name: 'Frontier: GPT-4o vs Claude 3.5 Sonnet',
    model_id: 'gpt-4o',
  },
  {
    session_id: 'ab-frontier-sonnet',
    experiment_name: 'Frontier: GPT-4o vs Claude 3.5 Sonnet',
    model_id: 'claude-3-5-sonnet-20241022',
  },
  { session_id: 'ab-rlhf-control', experiment_name: 'RLHF rollout vs base', model_id: 'llama-3-8b-base' },
  {
    session_id: 'ab-rlhf-treatment',
    experiment_name: 'RLHF rollout vs base',
    model_id: 'llama-3-8b-support-rlhf',
  },
];

/** Share of conversations enrolled in an experiment session; the rest is ordinary chat without a session. */
export const EXPERIMENT_SHARE = 0.55;
/** Share of conversations that come from the embeddable widget rather than the main chat UI. */
export const WIDGET_SHARE = 0.2;
