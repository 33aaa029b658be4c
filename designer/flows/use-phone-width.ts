/** @module Whether the window is phone-sized (≤ 640 px, the stylesheet's breakpoint), following resizes. */
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 640px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const snapshot = () =>
  typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(QUERY).matches;

export function usePhoneWidth(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
