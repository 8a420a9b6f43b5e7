// Owns rendering one planned part with its strategy's renderer.

import type { PartPlan } from '../plan/QueryPlan.ts';
import { registry } from '../registry/registry.ts';
import { directPart } from './directPart.ts';
import { histogramPart } from './histogramPart.ts';
import type { PartsInput } from './PartsInput.ts';
import { perPeriodPart } from './perPeriodPart.ts';
import { pricedPart } from './pricedPart.ts';

const partials = (ids: string[]) => ids.map((id) => registry.partials.get(id)!);

export function renderPart(part: PartPlan, inp: PartsInput): string {
  switch (part.kind) {
    case 'priced': {
      const late = inp.dims.filter((d) => part.lateDimensions.includes(d.id));
      return pricedPart(partials(part.additive), partials(part.priced), late, inp);
    }
    case 'direct':
      return directPart(part.grain, partials(part.partials), inp);
    case 'per-period':
      return perPeriodPart(partials(part.partials), inp, inp.periodStart!);
    case 'histogram':
      return histogramPart(partials(part.partials), inp);
  }
}
