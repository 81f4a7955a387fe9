import { createContext, useContext } from 'react';

/**
 * The Content-Security-Policy nonce of this response (server/security.ts makes one per request).
 * Provided by app/entry.server.tsx while rendering on the server; in the browser it is empty,
 * which is fine: the scripts are already in the page and browsers hide a nonce from the DOM.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export const useNonce = () => useContext(NonceContext);
