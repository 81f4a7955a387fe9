import * as nb from './nb';

/**
 * The catalogue for the user's locale, read as `msg.<namespace>.<key>`. Bokmål is the only locale
 * so far. `msg` is the module namespace of nb/ (one module per namespace), not an object built
 * from it: the bundler resolves `msg.cost` to the module that exports `cost`, so each page's
 * JavaScript holds only the namespaces that page reads. Use it only by static member access
 * (`msg.cost.total`, `const t = msg.statistics`): passing `msg` itself around, spreading it or
 * indexing it with a computed key (`msg[ns]`) would bring every namespace into every page again
 * (ESLint refuses it, see eslint.config.js).
 */
export { nb as msg };

type Shape<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { [K in keyof T]: Shape<T[K]> };

/** The shape every translation must have: bokmål's, with any string where it has a literal. */
export type Messages = Shape<typeof nb>;

/**
 * Every locale's catalogue. To add one (nynorsk, English): copy the folder nb/ to nn/ (or en/)
 * and translate it, keeping every module, export and key; import it here as a type only
 * (`import type * as nn from './nn'`) and add `nn: typeof nn` below. LocalesMatch then fails to
 * compile until nn/ has exactly bokmål's shape. Choosing the locale per user is not built yet:
 * `msg` stands for nb/ when the app is built (a client build per locale keeps each page's split).
 */
interface LocaleModules {
  nb: typeof nb;
}
export type Locale = keyof LocaleModules;

/** `true` if A and B are assignable both ways: no key missing, none extra, the same arguments. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Compiles only while every locale has exactly the shape of bokmål (Messages). */
export type LocalesMatch = Assert<
  Same<{ [L in Locale]: Shape<LocaleModules[L]> }, Record<Locale, Messages>>
>;
