import { afterEach, describe, expect, it, vi } from 'vitest';
import { logFailure } from './boss.server';

describe('logFailure', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes a failed job to the server log and fails it for pg-boss', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = logFailure('case-clocks', () => Promise.reject(new Error('database gone')));
    await expect(failing()).rejects.toThrow('database gone');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBe('Background job case-clocks failed:');
    expect(String(log.mock.calls[0]?.[1])).toContain('database gone');
  });

  it('passes a job that succeeds through, and logs nothing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      logFailure('retention', () => Promise.resolve({ anonymised: 2 }))(),
    ).resolves.toEqual({ anonymised: 2 });
    expect(log).not.toHaveBeenCalled();
  });
});
