import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '../domain/application';
import { restoreUnsaved, sameAnswer, type FieldChanges, type UnsavedField } from '../domain/merge';
import {
  QUESTIONS,
  setAnswer,
  type Answers,
  type AnswerValue,
  type QuestionId,
} from '../domain/questionnaire';

const SCAN_MS = 1000;
import { answerFromForm, fieldName, presentField, questionsInForm } from './questionnaire-form';
import { backupKey, readBackup, type UnsavedFields } from './unsaved-backup';

export type SaveState =
  | 'idle'
  | 'pending'
  | 'saving'
  | 'saved'
  | 'failed'
  | 'closed'
  /** The session has ended: changes are kept in this tab and retried until the user logs in. */
  | 'loggedOut'
  /** The last save refused a field (too long, not an option): shown at the field, kept dirty. */
  | 'invalid';
export type Conflicts = Partial<
  Record<QuestionId, { theirs: AnswerValue | null; mine: AnswerValue | null }>
>;

interface SaveResponse {
  version: number;
  answers: Answers;
  applied: QuestionId[];
  errors: FieldErrors;
  conflicts: Partial<Record<QuestionId, AnswerValue | null>>;
}

const DEBOUNCE_MS = 800;
const MAX_BACKOFF_MS = 30_000;

/** Questions whose widget keeps its own state (combobox, picker): not writable from outside. */
const WIDGET_TYPES = new Set(['drug', 'diagnoses']);
const writable = (id: QuestionId) => !WIDGET_TYPES.has(QUESTIONS.get(id)?.type ?? '');

/** Puts a value into a plain control of the form (a co-author's change, a restore). */
export function writeToForm(form: HTMLFormElement, id: QuestionId, value: AnswerValue | null) {
  if (!writable(id)) return;
  const controls = [
    ...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${fieldName(id)}"]`),
  ];
  const text = typeof value === 'string' ? value : '';
  for (const control of controls) {
    if (
      control instanceof HTMLInputElement &&
      (control.type === 'radio' || control.type === 'checkbox')
    ) {
      control.checked = control.value === text;
    } else {
      control.value = text;
    }
  }
}

/** The save endpoint answers 401 without a session; a redirect to the login page says the same. */
const loggedOut = (response: Response) =>
  response.status === 401 ||
  (response.redirected && new URL(response.url).pathname.startsWith('/logg-inn'));

/**
 * Saves every change about a second after typing stops, without a click: sends only the changed
 * fields with the value each started from, so the server merges per field. Retries with backoff
 * when the network or server fails, keeps unsaved changes in sessionStorage across a reload, warns
 * before leaving with unsaved changes, and never discards a value: a field someone else changed
 * meanwhile comes back as a conflict for the user to resolve. A save's result never moves focus
 * or scrolls: a refused field shows its error at the field and in the save status only.
 */
export function useAutosave(
  caseId: string,
  /** The signed-in user: their backup of the case is theirs alone (`backupKey`). */
  userId: string,
  initial: Answers,
  shown: Answers = initial,
  /** Conflicts a save of the whole form («Lagre») came back with: the stored value by field. */
  initialConflicts: Partial<Record<QuestionId, AnswerValue | null>> = {},
) {
  const formRef = useRef<HTMLFormElement>(null);
  const server = useRef<Answers>(initial);
  const dirty = useRef(new Set<QuestionId>());
  /** Fields in conflict: left alone until the user chooses «Behold min» or «Bruk lagret». */
  const conflicted = useRef(new Set(Object.keys(initialConflicts) as QuestionId[]));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const backoff = useRef(1000);
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflicts, setConflicts] = useState<Conflicts>(() =>
    Object.fromEntries(
      (Object.entries(initialConflicts) as [QuestionId, AnswerValue | null][]).map(
        ([id, theirs]) => [id, { theirs, mine: shown[id] ?? null }],
      ),
    ),
  );
  const [answers, setAnswers] = useState<Answers>(shown);
  /** The answers as last stored (what the inline format errors are checked against). */
  const [stored, setStored] = useState<Answers>(initial);

  /** A field's value in the form's data; the stored value when the form does not carry it. */
  const valueIn = useCallback((data: FormData | null, id: QuestionId): AnswerValue | null => {
    const question = QUESTIONS.get(id);
    if (!data || !question) return null;
    return data.has(presentField(id))
      ? answerFromForm(data, question)
      : (server.current[id] ?? null);
  }, []);

  const currentValue = useCallback(
    (id: QuestionId): AnswerValue | null =>
      valueIn(formRef.current ? new FormData(formRef.current) : null, id),
    [valueIn],
  );

  /**
   * Keeps the unsaved fields, as the form shows them now, in this tab's sessionStorage: each
   * changed field with the stored value it started from, and each field in conflict (the user's
   * value, not stored until they choose «Behold min»).
   */
  const backup = useCallback(
    (data: FormData | null = formRef.current ? new FormData(formRef.current) : null) => {
      const fields: UnsavedFields = {};
      const keep = (id: QuestionId, conflict: boolean) => {
        fields[id] = { value: valueIn(data, id), base: server.current[id] ?? null, conflict };
      };
      for (const id of dirty.current) keep(id, false);
      for (const id of conflicted.current) keep(id, true);
      try {
        if (Object.keys(fields).length === 0) sessionStorage.removeItem(backupKey(userId, caseId));
        else sessionStorage.setItem(backupKey(userId, caseId), JSON.stringify(fields));
      } catch {
        // Storage full or disabled: the in-memory retry still holds the changes.
      }
    },
    [caseId, userId, valueIn],
  );

  const saveRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const schedule = useCallback((wait = DEBOUNCE_MS) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), wait);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) return;
    const changes: FieldChanges = {};
    for (const id of dirty.current) {
      const value = currentValue(id);
      const base = server.current[id] ?? null;
      if (sameAnswer(value, base)) dirty.current.delete(id);
      else changes[id] = { base, value };
    }
    if (Object.keys(changes).length === 0) {
      backup();
      setState((s) => (s === 'pending' || s === 'saving' ? 'saved' : s));
      return;
    }
    inFlight.current = true;
    setState('saving');
    try {
      const response = await fetch(`/saker/${caseId}/lagre`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ changes }),
      });
      if (response.status === 409 || response.status === 403 || response.status === 404) {
        setState('closed');
        return;
      }
      if (loggedOut(response)) {
        // Kept in this tab and tried again, so the save goes through once the user has logged
        // in again (in another tab: this page and what it holds stay as they are).
        backup();
        setState('loggedOut');
        schedule(backoff.current);
        backoff.current = Math.min(backoff.current * 2, MAX_BACKOFF_MS);
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const result = (await response.json()) as SaveResponse;
      const form = formRef.current;
      // Fields nobody here is editing take the stored value (a co-author's change shows up). A
      // widget that cannot be updated in place keeps the value it shows as its base, so a later
      // edit there is a conflict to resolve, never a silent overwrite.
      let known = result.answers;
      const ids = new Set([...Object.keys(result.answers), ...Object.keys(server.current)]);
      for (const id of ids as Set<QuestionId>) {
        const stored = result.answers[id] ?? null;
        const before = server.current[id] ?? null;
        // A field in conflict keeps the user's value until they choose (a newer stored value
        // comes back as a conflict when they keep theirs).
        if (conflicted.current.has(id) || sameAnswer(before, stored)) continue;
        if (dirty.current.has(id)) {
          // A change this save did not store (typed while it was on its way, or refused) keeps
          // the stored value it started from as its base, here and in the backup: a co-author's
          // change meanwhile is then a conflict at its next save, never silently overwritten.
          if (!(id in changes) || id in result.errors) known = setAnswer(known, id, before);
        } else if (form && writable(id)) writeToForm(form, id, stored);
        else known = setAnswer(known, id, before);
      }
      server.current = known;
      setStored(known);
      const newConflicts: Conflicts = {};
      for (const [id, change] of Object.entries(changes) as [
        QuestionId,
        { value: AnswerValue | null },
      ][]) {
        const sentStillShown = sameAnswer(currentValue(id), change.value);
        if (id in result.conflicts) {
          newConflicts[id] = { theirs: result.conflicts[id] ?? null, mine: change.value };
          dirty.current.delete(id);
          conflicted.current.add(id);
        } else if (sentStillShown && !(id in result.errors)) {
          dirty.current.delete(id);
        }
      }
      setConflicts((c) => ({ ...c, ...newConflicts }));
      setErrors(result.errors);
      setAnswers({ ...result.answers });
      backup();
      backoff.current = 1000;
      setSavedAt(new Date());
      setState(
        Object.keys(result.errors).length > 0
          ? 'invalid'
          : dirty.current.size > 0
            ? 'pending'
            : 'saved',
      );
      if (dirty.current.size > 0 && Object.keys(result.errors).length === 0) schedule();
    } catch {
      backup();
      setState('failed');
      schedule(backoff.current);
      backoff.current = Math.min(backoff.current * 2, MAX_BACKOFF_MS);
    } finally {
      inFlight.current = false;
    }
  }, [backup, caseId, currentValue, schedule]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /**
   * Compares what the form shows with the last saved answers: every difference is a change to
   * save. Runs on every input and once a second, so widgets that change hidden inputs without an
   * input event (a chosen drug or diagnosis) are saved too.
   */
  const scan = useCallback(() => {
    const form = formRef.current;
    if (!form || state === 'closed') return;
    const data = new FormData(form);
    let changed = false;
    let shown = answers;
    for (const question of questionsInForm(data)) {
      const value = answerFromForm(data, question);
      if (!sameAnswer(value, shown[question.id] ?? null))
        shown = setAnswer(shown, question.id, value);
      if (conflicted.current.has(question.id)) continue;
      if (
        !sameAnswer(value, server.current[question.id] ?? null) &&
        !dirty.current.has(question.id)
      ) {
        dirty.current.add(question.id);
        changed = true;
      }
    }
    if (shown !== answers) setAnswers(shown);
    // Every edit of an unsaved field is kept in the backup, not only the first: a reload (or a
    // save that keeps failing) must bring back the latest text.
    const unsaved = dirty.current.size > 0 || conflicted.current.size > 0;
    if (changed || (shown !== answers && unsaved)) backup(data);
    if (changed) {
      setState((s) => (s === 'invalid' || s === 'loggedOut' ? s : 'pending'));
      schedule();
    }
  }, [answers, backup, schedule, state]);

  const onEdit = useCallback(() => {
    scan();
    if (dirty.current.size > 0) schedule();
  }, [scan, schedule]);

  useEffect(() => {
    const interval = setInterval(scan, SCAN_MS);
    return () => clearInterval(interval);
  }, [scan]);

  /**
   * Resolves a conflict: keep my value (saved over theirs) or take theirs. «Behold min» keeps what
   * the field holds now, typed after the conflict showed up too.
   */
  const resolve = useCallback(
    (id: QuestionId, choice: 'mine' | 'theirs') => {
      const conflict = conflicts[id];
      const form = formRef.current;
      if (!conflict || !form) return;
      if (choice === 'mine') dirty.current.add(id);
      else writeToForm(form, id, conflict.theirs);
      server.current = setAnswer(server.current, id, conflict.theirs);
      conflicted.current.delete(id);
      setConflicts(({ [id]: _resolved, ...rest }) => rest);
      backup();
      if (choice === 'mine') {
        setState('pending');
        schedule();
      }
    },
    [backup, conflicts, schedule],
  );

  // Restore what a reload or a lost connection left unsaved: a change is saved (a conflict if
  // someone else changed the field since), a field that waited for the user's choice waits again.
  useEffect(() => {
    const form = formRef.current;
    let raw: string | null = null;
    try {
      raw = sessionStorage.getItem(backupKey(userId, caseId));
    } catch {
      raw = null;
    }
    const restored: Conflicts = {};
    const fields = readBackup(raw, server.current);
    for (const [id, field] of Object.entries(fields) as [QuestionId, UnsavedField][]) {
      const now = server.current[id] ?? null;
      const outcome = restoreUnsaved(now, field);
      if (!form || outcome === 'stored') continue;
      writeToForm(form, id, field.value);
      if (outcome === 'change') {
        dirty.current.add(id);
      } else {
        restored[id] = { theirs: now, mine: field.value };
        conflicted.current.add(id);
      }
    }
    if (Object.keys(restored).length > 0) setConflicts((c) => ({ ...c, ...restored }));
    // Kept from now on, conflicts a save of the whole form came back with included.
    backup();
    if (dirty.current.size > 0) {
      setState('pending');
      void save();
    }
  }, [backup, caseId, userId, save]);

  // Warn before leaving with unsaved changes; save at once when the connection returns or the
  // user comes back to this tab.
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0 || conflicted.current.size > 0) event.preventDefault();
    };
    const online = () => void save();
    // Back from logging in again in another tab: save at once.
    const focus = () => {
      if (dirty.current.size > 0) void save();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('online', online);
    window.addEventListener('focus', focus);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('online', online);
      window.removeEventListener('focus', focus);
      clearTimeout(timer.current);
    };
  }, [save]);

  return { formRef, onEdit, state, savedAt, errors, conflicts, resolve, answers, stored };
}
