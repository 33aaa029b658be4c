/** @module Fills `{name}` placeholders of a UI string; unknown names stay visible so a missing parameter shows. */
export function fillMessage(template: string, params?: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );
}
