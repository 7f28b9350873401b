/**
 * Draft saving for both wizards: the first save creates the subject (POST), later saves update it
 * with the version last seen (PUT, 409 on a concurrent edit). Saves run one after another so an
 * autosave on step change and a click on 保存草稿 never race each other with the same version.
 */
import type { ResourceDescription, SubjectKind } from '@shuliu/core';
import { useCallback, useRef, useState } from 'react';
import { useSaveDraft, type ProductRecord, type ResourceRecord } from '../api';
import type { ProductDraftDescription } from './product-values';

type DescriptionOf<K extends SubjectKind> = K extends 'resource'
  ? Partial<ResourceDescription>
  : ProductDraftDescription;
type RecordOf<K extends SubjectKind> = K extends 'resource' ? ResourceRecord : ProductRecord;

/** Saves drafts of one subject and remembers its id, version and last save time. */
export function useDraft<K extends SubjectKind>(
  kind: K,
  options: {
    record: RecordOf<K> | undefined;
    organizationId: string | undefined;
    /** Called once, after the first save created the subject. */
    onCreated: (record: RecordOf<K>) => void;
  },
) {
  const mutation = useSaveDraft(kind);
  const [id, setId] = useState(options.record?.id);
  const [savedAt, setSavedAt] = useState(options.record?.updatedAt);
  const state = useRef({ id: options.record?.id, version: options.record?.version ?? 0 });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const { mutateAsync } = mutation;
  const { organizationId, onCreated } = options;

  const save = useCallback(
    (description: DescriptionOf<K>): Promise<RecordOf<K>> => {
      const run = async () => {
        const { id: currentId, version } = state.current;
        let saved: RecordOf<K>;
        if (currentId) {
          saved = await mutateAsync({ id: currentId, version, description });
        } else {
          if (!organizationId) throw new Error('organization required');
          saved = await mutateAsync({ organizationId, description });
        }
        state.current = { id: saved.id, version: saved.version };
        setId(saved.id);
        setSavedAt(saved.updatedAt || new Date().toISOString());
        if (!currentId) onCreated(saved);
        return saved;
      };
      const next = queue.current.then(run, run);
      queue.current = next.catch(() => undefined);
      return next;
    },
    [mutateAsync, organizationId, onCreated],
  );

  return { save, id, savedAt, saving: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
