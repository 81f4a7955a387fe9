import { Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import {
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { msg } from '../../../i18n';
import { Suggestion, type SuggestionItem } from '../../../ui/Suggestion';
import type { DrugSearchHit } from '../fest.server';

export interface DrugChoice {
  /** FEST product id; empty for free text. */
  id: string;
  label: string;
}

export interface DrugComboboxProps {
  /** Posts `<name>` (FEST product id, empty for free text) and `<name>Label` (the text). */
  name: string;
  label: string;
  description?: string;
  error?: string;
  defaultValue?: DrugChoice | null;
}

const DEBOUNCE_MS = 200;
const LIMIT = 10;

/** True once React runs in the browser (false during server rendering and hydration). */
const useHydrated = () =>
  useSyncExternalStore(
    () => () => undefined,
    () => true,
    () => false,
  );

function optionDetails(hit: DrugSearchHit): string {
  return [
    hit.strength,
    hit.form,
    hit.atc?.code,
    msg.fest.marketingStatuses[hit.marketingStatus],
    hit.requiresExemption ? msg.fest.requiresExemption : null,
  ]
    .filter((part): part is string => !!part)
    .join(' · ');
}

/**
 * Drug lookup in FEST as you type (Designsystemet Suggestion: an ARIA combobox with a listbox,
 * arrow keys, Enter and Escape). Free text is allowed, for drugs FEST does not have. The typed
 * text is posted as `<name>Label`; the hidden `<name>` carries the product id only while the text
 * is still the chosen product's name. Without JavaScript it is a plain text input (`<name>Label`).
 */
export function DrugCombobox({
  name,
  label,
  description,
  error,
  defaultValue = null,
}: DrugComboboxProps) {
  const hydrated = useHydrated();
  const [choice, setChoice] = useState<DrugChoice | null>(defaultValue);
  const [text, setText] = useState(defaultValue?.label ?? '');
  const [hits, setHits] = useState<DrugSearchHit[]>([]);
  const [failed, setFailed] = useState(false);
  const pointerInside = useRef(false);
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; abort?: AbortController }>({});

  useEffect(() => {
    const current = pending.current;
    return () => {
      clearTimeout(current.timer);
      current.abort?.abort();
    };
  }, []);

  function search(query: string) {
    const current = pending.current;
    clearTimeout(current.timer);
    current.abort?.abort();
    if (query.trim().length < 2) {
      setHits([]);
      return;
    }
    current.timer = setTimeout(() => {
      const abort = new AbortController();
      current.abort = abort;
      const url = `/api/legemidler?q=${encodeURIComponent(query)}&limit=${LIMIT}`;
      fetch(url, { headers: { Accept: 'application/json' }, signal: abort.signal })
        .then(async (response) => {
          const json = response.headers.get('content-type')?.includes('application/json');
          if (!response.ok || !json) throw new Error(`Drug search: HTTP ${response.status}`);
          const body = (await response.json()) as { results: DrugSearchHit[] };
          setHits(body.results);
          setFailed(false);
        })
        .catch(() => {
          if (abort.signal.aborted) return;
          setHits([]);
          setFailed(true);
        });
    }, DEBOUNCE_MS);
  }

  /** A chosen option (or none, when the field was cleared). */
  function onSelectedChange(item: SuggestionItem | null) {
    const hit = item && hits.find((h) => h.id === item.value);
    setChoice(hit ? { id: hit.id, label: hit.name } : null);
  }

  /** Keeps the typed text as free text (the combobox alone would reset it to the last choice). */
  function keepTypedText() {
    const typed = text.trim();
    const matchesOption = hits.some((h) => h.name.toLowerCase() === typed.toLowerCase());
    if (typed !== '' && typed !== choice?.label && !matchesOption) {
      setChoice({ id: '', label: typed });
    }
  }

  /** Leaving the field keeps what was typed, unless focus moves within it or an option is clicked. */
  function onBlur(event: FocusEvent<HTMLInputElement>) {
    const within = event.currentTarget.closest('ds-suggestion');
    if (pointerInside.current || (event.relatedTarget && within?.contains(event.relatedTarget))) {
      return;
    }
    keepTypedText();
  }

  /**
   * Enter chooses the highlighted option, or else keeps the typed text, and never submits the
   * form. React's capture listener on the document runs before the combobox's own, which would
   * reset the text. (The Suggestion's `creatable` mode keeps typed text too, but then a click on
   * an option chooses the typed text instead, so it is not used.)
   */
  function onKeyDownCapture(event: KeyboardEvent<HTMLElement>) {
    // Escape closes the list; it must not also clear the search input (the browser's default).
    if (event.key === 'Escape' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    event.stopPropagation();
    const activeId = event.target.getAttribute('aria-activedescendant');
    const option = activeId ? document.getElementById(activeId) : null;
    if (option && !option.hasAttribute('data-empty') && event.currentTarget.contains(option)) {
      option.click();
    } else {
      keepTypedText();
    }
  }

  const chosenId = choice && choice.label === text.trim() ? choice.id : '';
  const selected: SuggestionItem | null =
    hydrated && choice ? { value: choice.id || `text:${choice.label}`, label: choice.label } : null;

  return (
    <Field>
      <Label htmlFor={name}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Suggestion
        filter={false}
        selected={selected}
        onSelectedChange={onSelectedChange}
        data-sr-singular={msg.drugSearch.resultSingular}
        data-sr-plural={msg.drugSearch.resultPlural}
        data-sr-clear={msg.drugSearch.clear}
        onKeyDownCapture={onKeyDownCapture}
        onPointerDown={() => {
          pointerInside.current = true;
          document.addEventListener('pointerup', () => (pointerInside.current = false), {
            once: true,
          });
        }}
      >
        {/* type=search: axe wrongly rejects role=combobox on a text input whose list is Designsystemet's
            u-datalist (axe-core #4672); a search input is allowed the role. */}
        <Suggestion.Input
          id={name}
          type="search"
          name={`${name}Label`}
          defaultValue={defaultValue?.label ?? ''}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            search(value);
          }}
          onBlur={onBlur}
        />
        <Suggestion.Clear />
        <Suggestion.List>
          {text.trim().length >= 2 && <Suggestion.Empty>{msg.drugSearch.empty}</Suggestion.Empty>}
          {hits.map((hit) => (
            <Suggestion.Option key={hit.id} value={hit.id} label={hit.name}>
              {hit.name}
              <br />
              <small>{optionDetails(hit)}</small>
            </Suggestion.Option>
          ))}
        </Suggestion.List>
      </Suggestion>
      <input type="hidden" name={name} value={chosenId} />
      {failed && (
        <ValidationMessage data-color="warning">{msg.drugSearch.failed}</ValidationMessage>
      )}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
