/**
 * The formatters the messages use, built once: building an Intl formatter costs far more than
 * formatting with it (a page of 50 dated rows spent most of its render time building them).
 * `@__PURE__` tells the bundler that building them has no other effect: without it, the bundler
 * put this module, and with it every namespace that formats something, in a chunk every page loads.
 */
export const formats = {
  time: /* @__PURE__ */ new Intl.DateTimeFormat('nb-NO', {
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }),
  dateTime: /* @__PURE__ */ new Intl.DateTimeFormat('nb-NO', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }),
  date: /* @__PURE__ */ new Intl.DateTimeFormat('nb-NO', {
    dateStyle: 'short',
    timeZone: 'Europe/Oslo',
  }),
  calendarDate: /* @__PURE__ */ new Intl.DateTimeFormat('nb-NO', {
    dateStyle: 'short',
    timeZone: 'UTC',
  }),
  decimal: /* @__PURE__ */ new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }),
  percent: /* @__PURE__ */ new Intl.NumberFormat('nb-NO', {
    style: 'percent',
    maximumFractionDigits: 0,
  }),
  nok: /* @__PURE__ */ new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK' }),
  /** Kroner without the unit (the label names it): øre only when there are any. */
  kroner: /* @__PURE__ */ new Intl.NumberFormat('nb-NO', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    trailingZeroDisplay: 'stripIfInteger',
  }),
};

export const time = (date: Date) => formats.time.format(date);

export const fileSize = (bytes: number) => {
  const format = (value: number) => formats.decimal.format(value);
  if (bytes < 1024) return `${format(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
  return `${format(bytes / (1024 * 1024))} MB`;
};

export const dateTime = (date: Date) => formats.dateTime.format(date);
