/**
 * @module Saving a definition's draft and publishing it, as the report and dashboard designers do: a
 * new definition is created on its first save, a stored one has its draft replaced; publishing saves
 * first. The server's 422 issues are kept for the page to place beside the parts they name, and the
 * outcome is one status line. `tried` says a save was attempted (pages then show every problem).
 */
import { useState } from 'react';
import { ApiError, type ApiIssue } from '../api/api-error';

export interface DraftPublishingApi<T> {
  create(body: T): Promise<unknown>;
  saveDraft(key: string, body: T): Promise<unknown>;
  publish(key: string): Promise<{ version: number }>;
}

export interface DraftPublishingMessages {
  saved: string;
  published(version: number): string;
  failed(message: string): string;
}

export type PublishingStatus = { text: string; error?: boolean } | null;

export function useDraftPublishing<T>(
  key: string,
  api: DraftPublishingApi<T>,
  messages: DraftPublishingMessages,
) {
  const [isNew, setIsNew] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const [serverIssues, setServerIssues] = useState<ApiIssue[]>([]);
  const [status, setStatus] = useState<PublishingStatus>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.issues.length > 0) setServerIssues(e.issues);
    setStatus({ text: messages.failed((e as Error).message), error: true });
  };

  const save = async (body: T): Promise<boolean> => {
    setTried(true);
    try {
      if (isNew) await api.create(body);
      else await api.saveDraft(key, body);
      setIsNew(false);
      setServerIssues([]);
      setStatus({ text: messages.saved });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  /** Saves `body` (nothing to save: nothing happens), then publishes it when asked. */
  const run = async (body: T | null, publish: boolean) => {
    if (body === null) return;
    setBusy(true);
    try {
      if (!(await save(body)) || !publish) return;
      const stored = await api.publish(key);
      setPublished(stored.version);
      setStatus({ text: messages.published(stored.version) });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  /** An edit makes the last answer stale. */
  const edited = () => {
    setServerIssues([]);
    setStatus(null);
  };

  return {
    isNew,
    setIsNew,
    published,
    setPublished,
    serverIssues,
    setServerIssues,
    status,
    setStatus,
    busy,
    tried,
    run,
    edited,
  };
}
