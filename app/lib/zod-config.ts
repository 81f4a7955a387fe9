/**
 * In the browser zod must not compile parsers with `new Function`: the Content-Security-Policy
 * has no 'unsafe-eval' (ADR 0011), and even zod's feature probe would be reported as a violation.
 * On the server the compiled parsers stay (faster; no CSP applies there).
 *
 * zod keeps its configuration in one object on `globalThis` (`__zod_globalConfig`, shared by every
 * copy of zod; `z.config()` writes to it), read when a parser runs. Setting it here, in the root
 * route, without importing zod keeps zod's core out of the JavaScript of pages that parse nothing
 * in the browser (about 4 kB gzipped on every page). zod-config.test.ts checks that `z.config()`
 * sees it, whichever of the two loads first.
 */
interface ZodGlobal {
  __zod_globalConfig?: { jitless?: boolean };
}

export function configureZodForBrowser(global: ZodGlobal = globalThis as ZodGlobal): void {
  global.__zod_globalConfig ??= {};
  global.__zod_globalConfig.jitless = true;
}

if (typeof document !== 'undefined') configureZodForBrowser();
