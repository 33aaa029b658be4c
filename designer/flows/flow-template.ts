/**
 * @module The document a new flow starts from: the smallest flow the engine accepts (the server
 * refuses to store one with problems) — accept, then closed — on the `cn-2026` calendar, for the
 * author to grow on the canvas.
 */
import type { FlowDoc, Text } from './flow-doc';

export const FLOW_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

export function newFlowDoc(key: string, title: Text, form: string | undefined): FlowDoc {
  const doc: FlowDoc = {
    key,
    calendar: 'cn-2026',
    machine: {
      id: key,
      initial: 'accept',
      states: {
        accept: {
          on: { CLOSE: 'closed' },
          meta: { label: { 'zh-CN': '受理', en: 'Accept' } },
        },
        closed: {
          type: 'final',
          meta: { label: { 'zh-CN': '已关闭', en: 'Closed' }, outcome: 'completed' },
        },
      },
    },
  };
  if (title['zh-CN'] || title.en) {
    doc.title = {};
    if (title['zh-CN']) doc.title['zh-CN'] = title['zh-CN'];
    if (title.en) doc.title.en = title.en;
  }
  if (form) doc.form = form;
  return doc;
}
