import { Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type InputEvent } from 'react';
import { msg } from '../../../i18n';
import { Suggestion, type SuggestionItem } from '../../../ui/Suggestion';
import { useHydrated } from '../../../ui/useHydrated';
import { toCompact, type Diagnosis } from '../domain/diagnosis';

export interface DiagnosisPickerProps {
  /** The form field name; one value per chosen diagnosis is posted under it. */
  name: string;
  label: string;
  description?: string;
  error?: string;
  defaultValue: Diagnosis[];
  /**
   * What the text input without JavaScript shows, when it is not the chosen diagnoses' codes: the
   * codes as the user typed them, unknown ones included (a form shown again after a refused save).
   */
  defaultText?: string;
}

const SEARCH_URL = '/api/diagnoser';
const MIN_QUERY_LENGTH = 2;
const DEBOUNCE_MS = 200;

type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; results: Diagnosis[] }
  | { status: 'failed' };

const itemLabel = (d: Diagnosis) =>
  msg.diagnoses.item(d.code, d.text, msg.diagnoses.systems[d.system]);

/**
 * Choose any number of ICD-10/ICPC-2 diagnoses by searching for a code or words. Each chosen
 * diagnosis is posted as `<name>=ICD10:C50.9`; read them with `parseDiagnosisField(form, name)`.
 * Without JavaScript it is a text input (`id={name}`) for comma-separated codes, which
 * `parseDiagnosisField` reads the same way.
 */
export function DiagnosisPicker(props: DiagnosisPickerProps) {
  return useHydrated() ? <SearchPicker {...props} /> : <CodeInput {...props} />;
}

/** The picker without JavaScript: codes typed into a text input. */
function CodeInput({
  name,
  label,
  description,
  error,
  defaultValue,
  defaultText,
}: DiagnosisPickerProps) {
  const describedBy = [
    description && `${name}-description`,
    `${name}-help`,
    error && `${name}-error`,
  ].filter(Boolean);
  return (
    <Field>
      <Label htmlFor={name}>{label}</Label>
      {description && (
        <Field.Description id={`${name}-description`}>{description}</Field.Description>
      )}
      <Field.Description id={`${name}-help`}>{msg.diagnoses.typeHelp}</Field.Description>
      <Input
        id={name}
        name={name}
        defaultValue={defaultText ?? defaultValue.map(toCompact).join(', ')}
        autoComplete="off"
        aria-describedby={describedBy.join(' ')}
        aria-invalid={error ? true : undefined}
      />
      {error && <ValidationMessage id={`${name}-error`}>{error}</ValidationMessage>}
    </Field>
  );
}

/** The picker with JavaScript: a search field with suggestions, the chosen ones as chips. */
function SearchPicker({ name, label, description, error, defaultValue }: DiagnosisPickerProps) {
  const [chosen, setChosen] = useState<Diagnosis[]>(defaultValue);
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  // Every diagnosis seen (chosen or found), by compact form, to map the chips back to diagnoses.
  const known = useRef(new Map(defaultValue.map((d) => [toCompact(d), d])));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<AbortController>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  async function fetchResults(query: string) {
    const controller = new AbortController();
    pending.current = controller;
    try {
      const response = await fetch(`${SEARCH_URL}?q=${encodeURIComponent(query)}`, {
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`Diagnosis search answered ${response.status}`);
      const [{ diagnosisResponse }, body] = await Promise.all([
        import('./diagnosis-response'),
        response.json() as Promise<unknown>,
      ]);
      const { diagnoses } = diagnosisResponse.parse(body);
      for (const d of diagnoses) known.current.set(toCompact(d), d);
      setSearch({ status: 'done', results: diagnoses });
    } catch {
      // A newer query replaced this one; otherwise the search failed (or the session expired).
      if (!controller.signal.aborted) setSearch({ status: 'failed' });
    }
  }

  function onInput(event: InputEvent<HTMLInputElement>) {
    const query = event.currentTarget.value.trim();
    clearTimeout(timer.current);
    pending.current?.abort();
    if (query.length < MIN_QUERY_LENGTH) {
      setSearch({ status: 'idle' });
      return;
    }
    // Results of an earlier query are not offered while the new one is on its way.
    setSearch({ status: 'searching' });
    timer.current = setTimeout(() => void fetchResults(query), DEBOUNCE_MS);
  }

  function onSelectedChange(items: SuggestionItem[]) {
    setChosen(
      items.flatMap((item) => {
        const diagnosis = known.current.get(item.value);
        return diagnosis ? [diagnosis] : [];
      }),
    );
  }

  const results = 'results' in search ? search.results : [];
  const emptyText = {
    idle: msg.diagnoses.typeMore,
    searching: msg.diagnoses.searching,
    done: msg.diagnoses.noMatches,
    failed: msg.diagnoses.searchFailed,
  }[search.status];

  return (
    <div>
      <Field>
        <Label>{label}</Label>
        {description && <Field.Description>{description}</Field.Description>}
        <Field.Description>{msg.diagnoses.searchHelp}</Field.Description>
        <Suggestion
          multiple
          filter={false}
          selected={chosen.map((d) => ({ value: toCompact(d), label: itemLabel(d) }))}
          onSelectedChange={onSelectedChange}
        >
          {/* type=search: axe (wrongly) rejects role=combobox on a text input whose list is
              Designsystemet's u-datalist rather than a datalist (axe-core issue 4672). */}
          <Suggestion.Input id={name} type="search" onInput={onInput} autoComplete="off" />
          <Suggestion.List>
            <Suggestion.Empty>{emptyText}</Suggestion.Empty>
            {results.map((d) => (
              <Suggestion.Option key={toCompact(d)} value={toCompact(d)}>
                {itemLabel(d)}
              </Suggestion.Option>
            ))}
          </Suggestion.List>
        </Suggestion>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
      {chosen.map((d) => (
        <input key={toCompact(d)} type="hidden" name={name} value={toCompact(d)} />
      ))}
    </div>
  );
}
