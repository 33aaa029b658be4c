/**
 * @module Flows: SOP stages as XState v5 machine configs, stepped purely, with SLA clocks and delayed
 * transitions on business calendars.
 */
export {
  flowDefinitionSchema,
  type FlowDefinition,
  type FlowMachineConfig,
  type FlowStageConfig,
  type FlowStageMeta,
  type FlowTransitionConfig,
  type FlowActionDefinition,
  type FlowDelay,
  type SlaPolicy,
  type SlaTarget,
} from './flow-definition.schema';
export { checkFlowDefinition } from './check-flow-definition';
export { flowMessages } from './flow-messages';
export {
  createFlow,
  type Flow,
  type FlowOptions,
  type SendOptions,
  type StepResult,
  type RefusalReason,
} from './create-flow';
export {
  SLA_WARNING_EVENT,
  SLA_BREACH_EVENT,
  AFTER_TIMER_EVENT,
  TIMER_EVENT_TYPES,
  CONTEXT_EVENT_TYPES,
  type FlowContext,
  type FlowStartContext,
  type FlowEvent,
  type SlaTimerEvent,
  type AfterTimerEvent,
  type RecordData,
} from './flow-event';
export type {
  FlowEffect,
  ScheduleTimerEffect,
  CancelTimerEffect,
  SlaEffect,
  SlaEventName,
  AssignEffect,
  StageEffect,
  ActionEffect,
} from './flow-effects';
export type { FlowSnapshot, PersistedMachineSnapshot } from './flow-snapshot';
export type { AfterState, AfterTimer } from './after/after-timers';
export type { FlowStageInfo, FlowEventInfo, ClockView } from './flow-views';
export type { ClockState, ClockHistoryEntry, ClockStatus, PendingTimer } from './sla/clock-state';
export { explainClock, type ClockExplanation, type ClockRunExplanation } from './sla/explain-clock';
export { selectTarget, type SelectedTarget } from './sla/select-target';
