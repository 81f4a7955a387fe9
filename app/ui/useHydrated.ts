import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * False on the server and while hydrating, true once React runs in the browser: what only works
 * with JavaScript (autosave, a search picker) shows only then, without a hydration mismatch.
 */
export const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
