import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { suggestionElementsOnDemand } from './designsystemet-web';

const INDEX = createRequire(import.meta.url)
  .resolve('@digdir/designsystemet-web')
  .replace(/[\\/]cjs[\\/]index\.cjs$/, '/esm/index.js');

/** The plugin's transform of `code` as the module `id`. */
function transform(code: string, id = INDEX): string | null {
  const hook = suggestionElementsOnDemand().transform as (code: string, id: string) => unknown;
  const result = hook(code, id) as { code: string } | null;
  return result?.code ?? null;
}

describe('suggestionElementsOnDemand', () => {
  it("leaves the suggestion list's elements and the popover out of the package's index", () => {
    const index = readFileSync(INDEX, 'utf8');
    expect(index).toContain('./suggestion/suggestion.js');
    const out = transform(index) ?? '';
    for (const gone of ['./popover/popover.js', './suggestion/suggestion.js', 'u-datalist']) {
      expect(out).not.toContain(gone);
    }
    expect(out).not.toContain('DSSuggestionElement');
    // What the other components need stays, exports included.
    for (const kept of [
      './field/field.js',
      './error-summary/error-summary.js',
      './details/details.js',
    ]) {
      expect(out).toContain(kept);
    }
    expect(out).toMatch(/export\{[^}]*\bas DSFieldElement\b[^}]*\}/);
  });

  it('fails the build when the index no longer loads one of them', () => {
    expect(() => transform('import"./field/field.js";export{};')).toThrow(
      /no longer loads \.\/popover\/popover\.js, \.\/suggestion\/suggestion\.js, @u-elements\/u-datalist/,
    );
  });

  it('leaves every other module as it is', () => {
    expect(transform('import"./popover/popover.js";', '/x/node_modules/other/index.js')).toBeNull();
  });
});
