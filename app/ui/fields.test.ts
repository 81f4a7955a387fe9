import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DateField, TextField } from './fields';

/** The control's attributes in the server-rendered HTML, by name. */
function controlOf(html: string, tag: 'input' | 'textarea'): Record<string, string> {
  const element = new RegExp(`<${tag}([^>]*)>`).exec(html)?.[1] ?? '';
  const attributes: Record<string, string> = {};
  for (const [, name, value] of element.matchAll(/([\w-]+)="([^"]*)"/g)) {
    if (name !== undefined && value !== undefined) attributes[name] = value;
  }
  return attributes;
}

describe('fields link label, description and error to the control without JavaScript', () => {
  it.each([
    {
      name: 'a text field with description and error',
      html: renderToStaticMarkup(
        createElement(TextField, {
          id: 'navn',
          name: 'name',
          label: 'Navn',
          description: 'Fullt navn',
          error: 'Skriv navnet.',
          defaultValue: 'Kari',
        }),
      ),
      tag: 'input' as const,
      expected: {
        id: 'navn',
        name: 'name',
        value: 'Kari',
        type: 'text',
        'aria-describedby': 'navn-description navn-error',
        'aria-invalid': 'true',
      },
    },
    {
      name: 'a multiline field without description or error',
      html: renderToStaticMarkup(
        createElement(TextField, { id: 'tekst', name: 'text', label: 'Tekst', multiline: true }),
      ),
      tag: 'textarea' as const,
      expected: { id: 'tekst', name: 'text', rows: '4' },
    },
    {
      name: 'a date field with a description',
      html: renderToStaticMarkup(
        createElement(DateField, {
          id: 'fra',
          name: 'fra',
          label: 'Innsendt fra',
          description: 'Første dag',
          defaultValue: '2025-01-31',
          min: '2020-01-01',
        }),
      ),
      tag: 'input' as const,
      expected: {
        id: 'fra',
        name: 'fra',
        type: 'date',
        value: '2025-01-31',
        min: '2020-01-01',
        'aria-describedby': 'fra-description',
      },
    },
    {
      name: 'a date field with a range and an error keeps a bad date as sent',
      html: renderToStaticMarkup(
        createElement(DateField, {
          id: 'frist',
          name: 'deadline',
          label: 'Frist',
          description: 'Høyst 90 dager fram i tid.',
          error: 'Skriv fristen som en gyldig dato, for eksempel 24.12.2026.',
          defaultValue: '31.02.2026',
          min: '2026-12-05',
          max: '2027-03-05',
        }),
      ),
      tag: 'input' as const,
      expected: {
        id: 'frist',
        name: 'deadline',
        type: 'date',
        value: '31.02.2026',
        min: '2026-12-05',
        max: '2027-03-05',
        'aria-describedby': 'frist-description frist-error',
        'aria-invalid': 'true',
      },
    },
  ])('$name', ({ html, tag, expected }) => {
    const control = controlOf(html, tag);
    expect(control).toMatchObject(expected);
    if (!('aria-invalid' in expected)) expect(control).not.toHaveProperty('aria-invalid');
    if (!('aria-describedby' in expected)) expect(control).not.toHaveProperty('aria-describedby');
    expect(html).toContain(`for="${expected.id}"`);
    for (const id of expected['aria-describedby']?.split(' ') ?? []) {
      expect(html).toContain(`id="${id}"`);
    }
  });
});
