// The alert state machine, table-driven: each case is a run of evaluations (minute, condition holds) and the
// state and notification written down by hand for each one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AlertSliceMemory, type AlertTiming, nextAlertState } from '../../src/alerts/nextAlertState.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-12-01T00:00:00Z');
const base: AlertTiming = {
  forMinutes: 0,
  cooldownMinutes: 0,
  repeatMinutes: null,
  mutedUntilMs: null,
  hasChannel: true,
};

/** [minute, breached, expected state, expected notification ('firing', 'resolved', 'repeat', '-' none), suppressed?] */
type Step = [number, boolean, string, string, string?];
interface Case {
  name: string;
  timing?: Partial<AlertTiming>;
  steps: Step[];
}

const CASES: Case[] = [
  {
    name: 'fires once across many evaluations, resolves once, settles at ok',
    steps: [
      [0, false, 'ok', '-'],
      [1, true, 'firing', 'firing'],
      [2, true, 'firing', '-'],
      [3, true, 'firing', '-'],
      [4, false, 'resolved', 'resolved'],
      [5, false, 'ok', '-'],
      [6, false, 'ok', '-'],
    ],
  },
  {
    name: 'for_minutes: pending until the condition has held that long; a blip back to ok resets it',
    timing: { forMinutes: 5 },
    steps: [
      [0, true, 'pending', '-'],
      [3, true, 'pending', '-'],
      [4, false, 'ok', '-'],
      [5, true, 'pending', '-'],
      [9, true, 'pending', '-'],
      [10, true, 'firing', 'firing'],
      [11, true, 'firing', '-'],
    ],
  },
  {
    name: 'cooldown holds back a re-fire soon after the resolve, announced once the cooldown is over',
    timing: { cooldownMinutes: 30 },
    steps: [
      [0, true, 'firing', 'firing'],
      [5, false, 'resolved', 'resolved'],
      [10, true, 'firing', 'firing', 'cooldown'],
      [20, true, 'firing', '-'],
      [35, true, 'firing', 'firing'],
      [36, true, 'firing', '-'],
    ],
  },
  {
    name: 'a resolve is not held back by the cooldown',
    timing: { cooldownMinutes: 60 },
    steps: [
      [0, true, 'firing', 'firing'],
      [1, false, 'resolved', 'resolved'],
      [2, false, 'ok', '-'],
    ],
  },
  {
    name: 'repeat reminders while firing, counted from the last notification',
    timing: { repeatMinutes: 60 },
    steps: [
      [0, true, 'firing', 'firing'],
      [59, true, 'firing', '-'],
      [60, true, 'firing', 'repeat'],
      [100, true, 'firing', '-'],
      [120, true, 'firing', 'repeat'],
      [121, false, 'resolved', 'resolved'],
    ],
  },
  {
    name: 'muted: the firing is held back, announced when the mute ends if still firing',
    timing: { mutedUntilMs: T0 + 10 * MIN },
    steps: [
      [0, true, 'firing', 'firing', 'muted'],
      [5, true, 'firing', '-'],
      [10, true, 'firing', 'firing'],
      [11, false, 'resolved', 'resolved'],
    ],
  },
  {
    name: 'a resolve whose firing was never announced sends nothing',
    timing: { mutedUntilMs: T0 + 10 * MIN },
    steps: [
      [0, true, 'firing', 'firing', 'muted'],
      [5, false, 'resolved', 'resolved', 'not_announced'],
      [6, false, 'ok', '-'],
    ],
  },
  {
    name: 'no channel: the state machine runs, nothing is sent',
    timing: { hasChannel: false },
    steps: [
      [0, true, 'firing', 'firing', 'no_channel'],
      [1, true, 'firing', '-'],
      [2, false, 'resolved', 'resolved', 'not_announced'],
    ],
  },
  {
    name: 'resolved then breached again fires a new episode',
    steps: [
      [0, true, 'firing', 'firing'],
      [1, false, 'resolved', 'resolved'],
      [2, true, 'firing', 'firing'],
    ],
  },
];

describe('nextAlertState', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const timing = { ...base, ...c.timing };
      let memory = null as AlertSliceMemory | null;
      for (const [minute, breached, state, notification, suppressed] of c.steps) {
        const step = nextAlertState(memory, breached, timing, T0 + minute * MIN);
        const at = `minute ${minute}`;
        assert.equal(step.memory.state, state, at);
        assert.equal(step.notify?.kind ?? '-', notification, at);
        assert.equal(step.notify?.suppressed ?? undefined, suppressed, at);
        if (step.changed) assert.equal(step.changed.to, state, at);
        assert.equal(step.changed !== null, memory?.state !== state, `${at}: changed iff the state moved`);
        memory = step.memory;
      }
    });
  }

  it('the time in a state is when it was entered', () => {
    const timing = { ...base, forMinutes: 2 };
    const a = nextAlertState(null, true, timing, T0);
    const b = nextAlertState(a.memory, true, timing, T0 + MIN);
    assert.equal(b.memory.sinceMs, T0);
    const c = nextAlertState(b.memory, true, timing, T0 + 2 * MIN);
    assert.equal(c.memory.sinceMs, T0 + 2 * MIN);
    assert.equal(c.memory.lastNotifiedMs, T0 + 2 * MIN);
  });
});
