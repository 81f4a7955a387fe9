import type { Plugin } from 'vite';
import { parseSync } from 'vite';

/** A node of the parser's ESTree, as far as this edit needs it. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
interface Specifier extends Node {
  local: { name: string };
}

const INDEX = /[\\/]@digdir[\\/]designsystemet-web[\\/]dist[\\/]esm[\\/]index\.js$/;

/**
 * What the package index loads that only a suggestion list needs: the element behind `Suggestion`
 * (with u-combobox and u-datalist) and the popover's placement (floating-ui, the popover polyfill).
 */
const SUGGESTION_ONLY = [
  './popover/popover.js',
  './suggestion/suggestion.js',
  '@u-elements/u-datalist',
];

/**
 * The client build only: Designsystemet's `Field` loads every custom element of
 * @digdir/designsystemet-web (its index), so every page with a form field got the suggestion list's
 * elements and the popover's placement, which only `Suggestion` uses (≈ 11 kB gzip). This takes
 * them out of the index; app/ui/Suggestion.ts, the only way the app uses `Suggestion` (lint), loads
 * them itself, so only the pages with a suggestion list (the drug, the diagnoses) get them. Should
 * the index stop loading one of them, the build fails here rather than ship them again unnoticed.
 */
export function suggestionElementsOnDemand(): Plugin {
  return {
    name: 'soknadsportal:suggestion-elements-on-demand',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    transform(code, id) {
      if (!INDEX.test(id.split('?')[0] ?? '')) return null;
      const { program } = parseSync(id, code, { lang: 'js' });
      const statements = program.body as unknown as Node[];
      const source = (node: Node) => (node.source as { value: string } | null)?.value;
      const dropped = statements.filter(
        (s) =>
          (s.type === 'ImportDeclaration' || s.type === 'ExportAllDeclaration') &&
          SUGGESTION_ONLY.includes(source(s) ?? ''),
      );
      const missing = SUGGESTION_ONLY.filter((m) => !dropped.some((s) => source(s) === m));
      if (missing.length > 0) {
        throw new Error(
          `${id} no longer loads ${missing.join(', ')}: see vite/designsystemet-web.ts`,
        );
      }
      const names = new Set(
        dropped.flatMap((s) => ((s.specifiers ?? []) as Specifier[]).map((sp) => sp.local.name)),
      );
      // The index's own export list, without the names it no longer imports.
      const edits = statements.flatMap((s): [Node, string][] => {
        if (dropped.includes(s)) return [[s, '']];
        if (s.type !== 'ExportNamedDeclaration' || s.source || s.declaration) return [];
        const kept = (s.specifiers as Specifier[]).filter((sp) => !names.has(sp.local.name));
        return [[s, `export{${kept.map((sp) => code.slice(sp.start, sp.end)).join(',')}};`]];
      });
      let out = code;
      for (const [node, text] of edits.sort((a, b) => b[0].start - a[0].start)) {
        out = out.slice(0, node.start) + text + out.slice(node.end);
      }
      // No source map of the edit: it only removes statements of the client build's copy.
      return { code: out, map: null };
    },
  };
}
