import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configureZodForBrowser } from './zod-config';

describe('configureZodForBrowser', () => {
  it('turns off compiled parsers in the configuration zod reads, after zod has loaded', () => {
    const before = z.config().jitless;
    try {
      configureZodForBrowser();
      expect(z.config().jitless).toBe(true);
    } finally {
      z.config({ jitless: before });
    }
  });

  it('leaves a configuration for zod to find when it loads later', () => {
    const global: { __zod_globalConfig?: { jitless?: boolean } } = {};
    configureZodForBrowser(global);
    expect(global.__zod_globalConfig).toEqual({ jitless: true });
  });
});
