import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';
import { suggestionElementsOnDemand } from './vite/designsystemet-web.ts';
import { pureDomainInitialisers } from './vite/pure-domain.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [reactRouter(), pureDomainInitialisers(), suggestionElementsOnDemand()],
  build: isSsrBuild
    ? {}
    : {
        rolldownOptions: {
          treeshake: {
            // Designsystemet's index re-exports every component, and its package.json does not
            // say its modules are free of side effects, so the browser got all of them (≈ 60 kB
            // gzip: floating-ui, the virtualised suggestion list, …) on every page. They are
            // free of side effects; a module they need for one (the custom elements of
            // @digdir/designsystemet-web) is imported by the component that uses it and stays.
            moduleSideEffects: [
              {
                test: /[\\/]node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/,
                sideEffects: false,
              },
              // The custom elements and behaviours of components we do not use (tabs, pagination,
              // breadcrumbs, tooltip, dialog, toggle group, focus group, and the invokers polyfill
              // of buttons that open a dialog or popover by `commandfor`): each registers itself
              // when loaded, and the package's index loads them all. Marked free of side effects,
              // a module stays only if a component we use imports something from it. Using one
              // of these components means removing its line here (its e2e test would show it).
              {
                test: /[\\/]node_modules[\\/]@digdir[\\/]designsystemet-web[\\/]dist[\\/]esm[\\/](tabs|pagination|breadcrumbs|tooltip|dialog|toggle-group|focusgroup|invokers)[\\/]/,
                sideEffects: false,
              },
              // zod builds its classes when loaded; a page that builds no schema needs none of it.
              { test: /[\\/]node_modules[\\/]zod[\\/]/, sideEffects: false },
            ],
          },
        },
      },
}));
