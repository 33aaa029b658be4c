/**
 * @module Loads a list of definitions once, on mount: `null` while loading, and the load error's
 * message when it fails.
 */
import { useEffect, useState } from 'react';

export function useDefinitionList<T>(load: () => Promise<T[]>): { items: T[] | null; error: string | null } {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Loaded once, on mount, like the pages did.
  useEffect(() => {
    load().then(setItems, (e: Error) => setError(e.message));
  }, []);
  return { items, error };
}
