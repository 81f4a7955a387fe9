import { nb, type Messages } from './nb';

export type { Messages };

/** Locales the catalogue has; nynorsk (nn) and English (en) are added as objects of type Messages. */
export const LOCALES = { nb } satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;

/** The catalogue for the user's locale. Bokmål is the only one so far. */
export const msg: Messages = LOCALES.nb;
