/**
 * Step navigation shared by both wizards: a step is validated before moving forward, the draft is
 * saved automatically on a step change when the description differs from the last save, and a server error naming
 * fields opens the step holding the first of them and shows each message beside its field.
 */
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorInfoOf } from '../../../app/api-errors';
import { fieldErrorsOf, stepOfField, type FieldErrors, type FieldPath } from './field-errors';

export interface WizardStep {
  key: string;
  fields: readonly string[];
}

/** The wizard's current step and the actions that move it. */
export function useWizard<V>({
  form,
  steps,
  saveDraft,
  snapshot,
  mapPath,
}: {
  form: FormInstance<V>;
  steps: readonly WizardStep[];
  /** Saves the draft; rejects with the API error. */
  saveDraft: () => Promise<unknown>;
  /** The description as text, to tell whether anything changed since the last save. */
  snapshot: () => string;
  /** The form field of a description path. */
  mapPath: (path: FieldPath) => FieldPath | null;
}) {
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const lastSaved = useRef<string | null>(null);
  const pending = useRef<FieldErrors[]>([]);
  const validateOnShow = useRef(false);

  // What the form holds once mounted counts as saved (nothing to autosave before the user edits).
  useEffect(() => {
    lastSaved.current = snapshot();
    // Only on mount: later snapshots are taken by each save.
  }, []);

  // Field errors can only be shown once the step holding the fields is on screen.
  useEffect(() => {
    if (validateOnShow.current) {
      validateOnShow.current = false;
      const fields = steps[current]?.fields ?? [];
      form.validateFields(fields.map((f) => [f]) as never, { recursive: true }).catch(() => undefined);
    }
    if (pending.current.length === 0) return;
    form.setFields(pending.current.map((f) => ({ name: f.name as never, errors: f.errors })));
    pending.current = [];
  }, [current, form, steps]);

  /** Opens a step and shows what is missing there (used when submitting an incomplete draft). */
  const openIncomplete = useCallback(
    (step: number) => {
      validateOnShow.current = true;
      if (step === current) {
        validateOnShow.current = false;
        const fields = steps[step]?.fields ?? [];
        form.validateFields(fields.map((f) => [f]) as never, { recursive: true }).catch(() => undefined);
      }
      setCurrent(step);
    },
    [current, form, steps],
  );

  /** Shows an API error: beside its fields when it names them, else above the buttons. */
  const showError = useCallback(
    (cause: unknown) => {
      const info = errorInfoOf(cause);
      const fields = fieldErrorsOf(info.details, info.message, mapPath);
      const stepIndexes = fields
        .map((f) =>
          stepOfField(
            f.name,
            steps.map((s) => s.fields),
          ),
        )
        .filter((index) => index >= 0);
      if (stepIndexes.length === 0) {
        setError(cause);
        return;
      }
      setError(cause);
      pending.current = fields;
      const step = Math.min(...stepIndexes);
      setCurrent(step);
      if (step === current) {
        form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
        pending.current = [];
      }
    },
    [mapPath, steps, current, form],
  );

  const save = useCallback(async () => {
    const taken = snapshot();
    try {
      await saveDraft();
      lastSaved.current = taken;
      setError(null);
      return true;
    } catch (cause) {
      showError(cause);
      return false;
    }
  }, [saveDraft, snapshot, showError]);

  const goTo = useCallback(
    async (step: number) => {
      if (step < 0 || step >= steps.length || step === current) return;
      if (step > current) {
        try {
          const fields = steps[current]?.fields ?? [];
          if (fields.length > 0)
            await form.validateFields(fields.map((f) => [f]) as never, { recursive: true });
        } catch {
          return; // antd shows each field's message beside the field.
        }
      }
      if (snapshot() !== lastSaved.current) void save();
      setCurrent(step);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
    [steps, current, form, save, snapshot],
  );

  return {
    current,
    setCurrent,
    goTo,
    save,
    showError,
    openIncomplete,
    error,
    clearError: () => setError(null),
  };
}
