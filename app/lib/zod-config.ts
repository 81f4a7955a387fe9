import { z } from 'zod';

// In the browser zod must not compile parsers with `new Function`: the Content-Security-Policy
// has no 'unsafe-eval' (ADR 0011), and even zod's feature probe would be reported as a violation.
// On the server the compiled parsers stay (faster; no CSP applies there).
if (typeof document !== 'undefined') z.config({ jitless: true });
