import { afterEach, describe, expect, it, vi } from 'vitest';
import { eachApart } from './each-apart.server';

describe('eachApart', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('does the work for every item after one fails, logs it, then fails the run', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const done: string[] = [];
    const run = eachApart(
      ['HBE', 'OUS', 'UNN'],
      (trust) => `Stage alerts for ${trust}`,
      (trust) => {
        if (trust === 'OUS') return Promise.reject(new Error('statement timeout'));
        done.push(trust);
        return Promise.resolve();
      },
    );
    await expect(run).rejects.toThrow('1 of 3 failed: Stage alerts for OUS');
    expect(done).toEqual(['HBE', 'UNN']);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBe('Stage alerts for OUS failed:');
  });

  it('succeeds quietly when every item does', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const done: number[] = [];
    await eachApart([1, 2], String, (n) => {
      done.push(n);
      return Promise.resolve();
    });
    expect(done).toEqual([1, 2]);
    expect(log).not.toHaveBeenCalled();
  });
});
