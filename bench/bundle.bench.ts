/**
 * The JavaScript a browser downloads on the first load of each route, gzipped (issue 7, 2(f)):
 * the entry client, then root, every parent route module and the route's own module, each with
 * all its static imports (transitively, once each). Read from the production build, so run
 * `npm run build` first. Run: `npm run bench:bundle`.
 *
 * The files are the union of two sources: the import lists of React Router's route manifest
 * (build/client/assets/manifest-*.js, what the server turns into modulepreload links, so the
 * browser fetches them all) and the static `import`/`export … from` statements parsed out of the
 * chunks themselves, followed transitively. The manifest may list more than the code imports (it
 * is computed per source module, not per chunk); a static import it does not list is an error (the
 * browser would find it only after parsing its importer). Dynamic `import()` is not followed for
 * the initial figure: that code loads after hydration, and is reported apart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { RouteConfigEntry } from '@react-router/dev/routes';
import { parseSync } from 'vite';
import routes from '../app/routes';
import { printFigures, type Figure } from './report';

/** The target of issue 7, in kB (1 kB = 1,000 bytes, as Vite reports sizes) gzipped. */
export const INITIAL_JS_LIMIT_KB = 200;
/** gzip as a web server compresses static files ahead of time: maximum compression. */
const GZIP_LEVEL = 9;

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
  hasDefaultExport: boolean;
  hasErrorBoundary: boolean;
}
interface RouteManifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

export interface RouteJs {
  /** Route id as React Router names it ("routes/statistics", or the id given in app/routes.ts). */
  id: string;
  /** The URL pattern, e.g. "/saker/:caseId". */
  path: string;
  /** A resource route (no component): answered without HTML, so a browser loads no JS for it. */
  resource: boolean;
  /** Asset URLs ("/assets/…js") loaded before hydration, in load order, each once. */
  files: string[];
  /** Sum over `files` of each file's own size, raw and gzipped, in bytes. */
  rawBytes: number;
  gzipBytes: number;
  /** Chunks only reachable through dynamic `import()` from `files`: loaded later, on demand. */
  deferred: string[];
  deferredGzipBytes: number;
}

export interface BundleReport {
  routes: RouteJs[];
  /** Chunks whose static imports (transitively) are missing from the manifest's import lists. */
  mismatches: string[];
}

/** Every route of app/routes.ts with its id and full path (ids as React Router derives them). */
function flatten(
  entries: readonly RouteConfigEntry[],
  parentPath = '',
): { id: string; path: string }[] {
  return entries.flatMap((entry) => {
    const id = entry.id ?? entry.file.replace(/\.[^./]+$/, '');
    const path = entry.path ? `${parentPath}/${entry.path}`.replace(/\/+/g, '/') : parentPath;
    return [{ id, path: path || '/' }, ...flatten(entry.children ?? [], path)];
  });
}

/** React Router's route manifest of this build: the one file the server build names. */
async function readManifest(buildDir: string): Promise<RouteManifest> {
  const assets = join(buildDir, 'client', 'assets');
  const serverBuild = join(buildDir, 'server', 'index.js');
  if (!existsSync(serverBuild) || !existsSync(assets)) {
    throw new Error(`No production build in ${buildDir}/: run \`npm run build\` first`);
  }
  const named = /manifest-[0-9a-f]+\.js/.exec(readFileSync(serverBuild, 'utf8'))?.[0];
  const file = readdirSync(assets).find((f) => f === named);
  if (!file) throw new Error(`The route manifest ${named ?? '(none)'} is not in ${assets}`);
  const source = await readFile(join(assets, file), 'utf8');
  const json = /^window\.__reactRouterManifest=(.*);?\s*$/s.exec(source)?.[1]?.replace(/;$/, '');
  if (!json) throw new Error(`Unexpected route manifest format in ${file}`);
  return JSON.parse(json) as RouteManifest;
}

/** One chunk's static and dynamic imports, as asset URLs, from the parser's module record. */
function chunkImports(buildDir: string, url: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(buildDir, 'client', url), 'utf8');
  const { module, errors } = parseSync(url, code);
  if (errors.length > 0) throw new Error(`Cannot parse ${url}: ${errors[0]?.message ?? ''}`);
  const resolve = (spec: string) => new URL(spec, `http://build${url}`).pathname;
  const dynamic = module.dynamicImports.flatMap(({ moduleRequest }) => {
    // A literal specifier, quotes included; anything computed cannot be followed (none so far).
    const literal = /^["'`](\.{1,2}\/[^"'`]+)["'`]$/.exec(
      code.slice(moduleRequest.start, moduleRequest.end),
    );
    return literal?.[1] ? [resolve(literal[1])] : [];
  });
  return {
    static: [
      ...module.staticImports.map((i) => i.moduleRequest.value),
      ...module.staticExports.flatMap((e) =>
        e.entries.flatMap((x) => x.moduleRequest?.value ?? []),
      ),
    ].map(resolve),
    dynamic,
  };
}

/**
 * The initial JavaScript of every route of app/routes.ts in the build in `buildDir`, largest
 * first. Throws when the build is missing or does not contain a route of app/routes.ts.
 */
export async function measureInitialJs(buildDir = 'build'): Promise<BundleReport> {
  const manifest = await readManifest(buildDir);
  const imports = new Map<string, { static: string[]; dynamic: string[] }>();
  const importsOf = (url: string) => {
    let found = imports.get(url);
    if (!found) imports.set(url, (found = chunkImports(buildDir, url)));
    return found;
  };
  const gzipped = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (url: string) => {
    let size = gzipped.get(url);
    if (!size) {
      const bytes = readFileSync(join(buildDir, 'client', url));
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: GZIP_LEVEL }).length };
      gzipped.set(url, size);
    }
    return size;
  };
  /** `roots` and everything they import statically, depth first, each once. */
  const closure = (roots: readonly string[]) => {
    const seen = new Set<string>();
    const visit = (url: string) => {
      if (seen.has(url)) return;
      seen.add(url);
      importsOf(url).static.forEach(visit);
    };
    roots.forEach(visit);
    return seen;
  };

  /** Static imports the manifest does not list: loaded late, one round trip after the chunk. */
  const mismatches: string[] = [];
  const checkManifest = (module: string, listed: readonly string[]) => {
    const missing = [...closure([module])].filter((u) => u !== module && !listed.includes(u));
    if (missing.length > 0) mismatches.push(`${module} imports ${missing.join(', ')} unlisted`);
  };
  checkManifest(manifest.entry.module, manifest.entry.imports);

  const report: RouteJs[] = flatten(routes).map(({ id, path }) => {
    const route = manifest.routes[id];
    if (!route) throw new Error(`Route ${id} of app/routes.ts is not in the build: rebuild`);
    const chain: ManifestRoute[] = [];
    for (
      let r: ManifestRoute | undefined = route;
      r;
      r = r.parentId ? manifest.routes[r.parentId] : undefined
    ) {
      chain.unshift(r);
    }
    const resource = !route.hasDefaultExport && !route.hasErrorBoundary;
    if (resource) {
      return {
        id,
        path,
        resource,
        files: [],
        rawBytes: 0,
        gzipBytes: 0,
        deferred: [],
        deferredGzipBytes: 0,
      };
    }
    chain.forEach((r) => checkManifest(r.module, r.imports ?? []));
    const roots = [
      manifest.entry.module,
      ...manifest.entry.imports,
      ...chain.flatMap((r) => [r.module, ...(r.imports ?? [])]),
    ];
    const files = [...closure(roots)];
    const later = closure(files.flatMap((f) => importsOf(f).dynamic));
    const deferred = [...later].filter((f) => !files.includes(f));
    const sum = (urls: readonly string[], key: 'raw' | 'gzip') =>
      urls.reduce((total, url) => total + sizeOf(url)[key], 0);
    return {
      id,
      path,
      resource,
      files,
      rawBytes: sum(files, 'raw'),
      gzipBytes: sum(files, 'gzip'),
      deferred,
      deferredGzipBytes: sum(deferred, 'gzip'),
    };
  });
  report.sort((a, b) => b.gzipBytes - a.gzipBytes || a.path.localeCompare(b.path));
  return { routes: report, mismatches: [...new Set(mismatches)] };
}

const kB = (bytes: number) => bytes / 1000;

/** One figure per page route (largest first), the largest, and the resource routes' count. */
export async function bundleBench(buildDir = 'build'): Promise<Figure[]> {
  const { routes: measured, mismatches } = await measureInitialJs(buildDir);
  if (mismatches.length > 0) {
    throw new Error(`Static imports missing from the route manifest:\n${mismatches.join('\n')}`);
  }
  const section = `initial JS per route (gzip level ${GZIP_LEVEL}, 1 kB = 1,000 bytes)`;
  const target = `≤ ${INITIAL_JS_LIMIT_KB} kB gzip`;
  const pages = measured.filter((r) => !r.resource);
  const figures: Figure[] = pages.map((r) => ({
    section,
    name: `${r.path} (${r.files.length} files)`,
    value: kB(r.gzipBytes),
    unit: 'kB',
    target,
    ok: kB(r.gzipBytes) <= INITIAL_JS_LIMIT_KB,
  }));
  const largest = pages[0];
  if (largest) {
    figures.push({
      section: 'initial JS, summary',
      name: `largest: ${largest.path}`,
      value: kB(largest.gzipBytes),
      unit: 'kB',
      target,
      ok: kB(largest.gzipBytes) <= INITIAL_JS_LIMIT_KB,
    });
  }
  for (const r of pages.filter((p) => p.deferred.length > 0)) {
    figures.push({
      section: 'initial JS, summary',
      name: `loaded after hydration: ${r.path}`,
      value: kB(r.deferredGzipBytes),
      unit: 'kB',
    });
  }
  figures.push({
    section: 'initial JS, summary',
    name: 'resource routes (no HTML, so no JS)',
    value: measured.length - pages.length,
    unit: 'count',
  });
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printFigures(await bundleBench());
}
