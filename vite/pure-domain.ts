import type { Plugin } from 'vite';
import { parseSync } from 'vite';

/** A node of the parser's ESTree, as far as this walk needs it. */
interface Node {
  type: string;
  start: number;
  [key: string]: unknown;
}
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Whether evaluating `node` calls something (calls inside functions do not run, so do not count). */
function calls(node: Node): boolean {
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return false;
  if (node.type === 'CallExpression' || node.type === 'NewExpression') return true;
  if (node.type === 'AwaitExpression' || node.type === 'YieldExpression') return false;
  return Object.values(node).some((value) =>
    (Array.isArray(value) ? value : [value]).some((child) => isNode(child) && calls(child)),
  );
}

/** Whether `node` awaits at top level (such an initialiser cannot move into a function). */
function awaits(node: Node): boolean {
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return false;
  if (node.type === 'AwaitExpression') return true;
  return Object.values(node).some((value) =>
    (Array.isArray(value) ? value : [value]).some((child) => isNode(child) && awaits(child)),
  );
}

const DOMAIN = /[\\/]app[\\/]features[\\/][^\\/]+[\\/]domain[\\/][^\\/]+\.ts$/;

/**
 * The client build only: declares the top-level `const` initialisers of the pure domain modules
 * (app/features/<domain>/domain/, which lint keeps free of I/O and global state) free of side
 * effects, by wrapping each one that calls something in an immediately called arrow function
 * annotated pure: `const s = z.object(…)` becomes `const s = /* @__PURE__ *\/ (() => z.object(…))()`.
 * It runs at the same moment as before; but when the browser code uses no export that needs it,
 * the bundler drops it, so a component importing one constant no longer drags in every zod
 * schema the module builds at load, and with them zod (≈ 25 kB gzip). A schema the browser does
 * use still comes along.
 */
export function pureDomainInitialisers(): Plugin {
  return {
    name: 'soknadsportal:pure-domain-initialisers',
    apply: 'build',
    enforce: 'post',
    applyToEnvironment: (environment) => environment.name === 'client',
    transform(code, id) {
      if (!DOMAIN.test(id.split('?')[0] ?? '')) return null;
      const { program } = parseSync(id, code, { lang: 'js' });
      const inits: Node[] = [];
      for (const statement of program.body as unknown as Node[]) {
        const declaration =
          statement.type === 'ExportNamedDeclaration' && isNode(statement.declaration)
            ? statement.declaration
            : statement;
        if (declaration.type !== 'VariableDeclaration') continue;
        for (const declarator of declaration.declarations as Node[]) {
          const init = declarator.init;
          if (isNode(init) && calls(init) && !awaits(init)) inits.push(init);
        }
      }
      if (inits.length === 0) return null;
      let out = code;
      for (const init of [...inits].sort((a, b) => b.start - a.start)) {
        const end = init.end as number;
        out = `${out.slice(0, init.start)}/* @__PURE__ */ (() => (${out.slice(init.start, end)}))()${out.slice(end)}`;
      }
      // No source map of the edit: it only shifts columns on these lines of the client build.
      return { code: out, map: null };
    },
  };
}
