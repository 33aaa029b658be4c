/**
 * @module Checks the body of `POST /api/webhooks` `{ url, events, secret? }`. Only http(s) URLs are
 * accepted (a `file:` or `javascript:` URL is never fetched); every problem is an issue at its field.
 */
import type { Issue } from '../../engine';
import { isEventPattern } from './event-patterns';

export interface WebhookInput {
  url: string;
  events: string[];
  secret?: string;
}

const MAX_EVENTS = 50;

function issue(code: string, path: string, message: string, params?: Record<string, unknown>): Issue {
  return params ? { code, path, params, message } : { code, path, message };
}

function checkUrl(value: unknown): Issue | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    return issue('required', '/url', 'The webhook needs a `url` (http or https)');
  }
  if (value.length > 2000) return issue('too-long', '/url', 'The URL is longer than 2000 characters');
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return issue('invalid-url', '/url', 'The URL is not a valid absolute URL', { url: value });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return issue('unsupported-scheme', '/url', 'Only http and https URLs can receive webhooks', {
      scheme: parsed.protocol.replace(/:$/, ''),
    });
  }
  if (parsed.username || parsed.password) {
    return issue('credentials-in-url', '/url', 'Put no credentials in the URL; the signature authenticates');
  }
  return undefined;
}

function checkEvents(value: unknown): Issue[] {
  if (!Array.isArray(value) || value.length === 0) {
    return [issue('required', '/events', 'List at least one event type, e.g. "record.*" or "sla.breached"')];
  }
  if (value.length > MAX_EVENTS) {
    return [issue('too-many', '/events', `At most ${MAX_EVENTS} event patterns`, { max: MAX_EVENTS })];
  }
  return value.flatMap((pattern, i) =>
    isEventPattern(pattern)
      ? []
      : [
          issue('invalid-event-pattern', `/events/${i}`, 'Not an event type or pattern ("record.*", "*")', {
            pattern,
          }),
        ],
  );
}

function checkSecret(value: unknown): Issue | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length < 16 || value.length > 200) {
    return issue('invalid-secret', '/secret', 'The secret must be a string of 16 to 200 characters', {
      min: 16,
      max: 200,
    });
  }
  return undefined;
}

/** The input, or the issues that say what is wrong with it. */
export function checkWebhookInput(body: unknown): { input?: WebhookInput; issues: Issue[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { issues: [issue('invalid-type', '', 'The body must be a JSON object { url, events, secret? }')] };
  }
  const b = body as Record<string, unknown>;
  const issues = [checkUrl(b.url), ...checkEvents(b.events), checkSecret(b.secret)].filter(
    (i): i is Issue => i !== undefined,
  );
  const unknown = Object.keys(b).filter((k) => !['url', 'events', 'secret'].includes(k));
  for (const key of unknown) issues.push(issue('unknown-property', `/${key}`, `Unknown property "${key}"`));
  if (issues.length > 0) return { issues };
  return {
    input: {
      url: b.url as string,
      events: [...new Set(b.events as string[])],
      ...(b.secret !== undefined ? { secret: b.secret as string } : {}),
    },
    issues,
  };
}
