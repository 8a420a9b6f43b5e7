// Owns the dashboard's six sections: id, title and what each answers, in page order.
import type { SectionId } from './WidgetDef.ts';

export interface SectionDef {
  id: SectionId;
  title: string;
  description: string;
}

export const SECTIONS: SectionDef[] = [
  {
    id: 'model',
    title: 'Model & Training',
    description: 'Which model is best, and did fine-tuning pay off.',
  },
  { id: 'quality', title: 'Quality', description: 'Ratings, success and the reasons answers fail.' },
  { id: 'performance', title: 'Performance & SLA', description: 'Latency percentiles and SLA breaches.' },
  { id: 'cost', title: 'Cost', description: 'Tokens and spend, priced with the workspace price book.' },
  { id: 'operations', title: 'Operations', description: 'Anomalies in the metrics, tool calls and errors.' },
  { id: 'activity', title: 'Workspace Activity', description: 'Who changed what in this workspace.' },
];
