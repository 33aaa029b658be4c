/**
 * @module The effect of an improvement item as the runtime computes it (`GET /api/records/:id/effect`):
 * the windows, the KPI before and after, the test and the verdict. Only what the panel shows is typed.
 */
import { api } from '../api/api-client';

export interface EffectIssue {
  code: string;
  path: string;
  message: string;
}

export interface EffectSide {
  value: number | null;
  n: number;
}

export interface RecordEffect {
  recordId: string;
  kpi: string;
  observation: string;
  target: { value: number; type: 'absolute' | 'relative' };
  windows: {
    days: number;
    before: { firstDay: string; lastDay: string };
    after: { firstDay: string; lastDay: string };
    complete: boolean;
    daysElapsed: number;
  };
  verdict: {
    kind: 'rate' | 'time' | 'score';
    better: 'higher' | 'lower';
    statistic: 'percent' | 'median' | 'mean';
    before: EffectSide;
    after: EffectSide;
    change: { absolute: number | null; relative: number | null };
    test: { name: 'two-proportion-z-test' | 'mann-whitney-u'; pValue?: number; impossible?: EffectIssue };
    improved: boolean;
    significant: boolean;
    targetMet: boolean;
    verified: boolean;
    provisional: boolean;
    notes: EffectIssue[];
  };
}

export const getEffect = (id: string, locale: string) =>
  api<RecordEffect>(`/api/records/${encodeURIComponent(id)}/effect?locale=${encodeURIComponent(locale)}`);
