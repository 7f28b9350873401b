/**
 * The state of one file being uploaded as a dataset's next version: hashing, sending (with bytes,
 * percent and speed), paused, done or failed, and the actions on it. Pause keeps what the server
 * holds (`abort()`); resume sends the rest (`start()`); cancel deletes the partial upload. A file
 * chosen again after a reload continues from the server's offset.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Upload } from 'tus-js-client';
import type { ApiError } from '../../app/api-client';
import { percentOf } from './format';
import { createRateMeter } from './transfer-rate';
import {
  createDatasetUpload,
  findUnfinishedUpload,
  offsetOfUpload,
  sha256OfFile,
  MAX_HASHED_BYTES,
} from './tus-upload';
import type { UploadResult } from './types';

/** Where an upload is. */
export type UploadPhase = 'idle' | 'hashing' | 'uploading' | 'paused' | 'done' | 'failed';

export interface UploadState {
  phase: UploadPhase;
  file?: { name: string; size: number };
  sent: number;
  total: number;
  /** Bytes per second over the last seconds. */
  speed: number;
  /** Percent already on the server when an unfinished upload was found. */
  resumedFrom?: number;
  /** The file was too large to hash in the browser. */
  hashSkipped?: boolean;
  result?: UploadResult | null;
  error?: ApiError;
}

const IDLE: UploadState = { phase: 'idle', sent: 0, total: 0, speed: 0 };

/** Uploads files to `datasetId`; `onComplete` runs when the server has created the version. */
export function useDatasetUpload(datasetId: string, onComplete: (result: UploadResult | null) => void) {
  const [state, setState] = useState<UploadState>(IDLE);
  const upload = useRef<Upload | null>(null);
  // Bumped by every choice and cancel: an earlier choice still hashing must not start afterwards.
  const generation = useRef(0);
  const meter = useRef(createRateMeter());
  const completed = useRef(onComplete);
  completed.current = onComplete;

  // Leaving the page pauses the upload; choosing the file again later resumes it.
  useEffect(
    () => () => {
      void upload.current?.abort();
      upload.current = null;
    },
    [],
  );

  const choose = useCallback(
    async (file: File) => {
      const mine = ++generation.current;
      void upload.current?.abort();
      upload.current = null;
      meter.current.reset();
      setState({
        phase: 'hashing',
        file: { name: file.name, size: file.size },
        sent: 0,
        total: file.size,
        speed: 0,
      });
      const sha256 = await sha256OfFile(file).catch(() => undefined);
      if (generation.current !== mine) return;
      const next = createDatasetUpload(
        file,
        { datasetId, ...(sha256 ? { sha256 } : {}) },
        {
          onProgress: (sent, total) => {
            const speed = meter.current.sample(sent, performance.now());
            setState((s) => (s.phase === 'uploading' ? { ...s, sent, total, speed } : s));
          },
          onSuccess: (result) => {
            upload.current = null;
            setState((s) => ({ ...s, phase: 'done', sent: s.total, speed: 0, result }));
            completed.current(result);
          },
          onError: (error) => {
            upload.current = null;
            setState((s) => ({ ...s, phase: 'failed', speed: 0, error }));
          },
        },
      );
      upload.current = next;
      let resumedFrom: number | undefined;
      let sent = 0;
      const previous = await findUnfinishedUpload(next).catch(() => undefined);
      if (previous?.uploadUrl) {
        const offset = await offsetOfUpload(previous.uploadUrl);
        if (offset !== undefined) {
          next.resumeFromPreviousUpload(previous);
          resumedFrom = percentOf(offset, file.size);
          sent = offset;
        }
      }
      // The user may have cancelled or chosen another file meanwhile.
      if (generation.current !== mine) return;
      setState({
        phase: 'uploading',
        file: { name: file.name, size: file.size },
        sent,
        total: file.size,
        speed: 0,
        resumedFrom,
        hashSkipped: file.size > MAX_HASHED_BYTES,
      });
      next.start();
    },
    [datasetId],
  );

  const pause = useCallback(() => {
    void upload.current?.abort();
    meter.current.reset();
    setState((s) => (s.phase === 'uploading' ? { ...s, phase: 'paused', speed: 0 } : s));
  }, []);

  const resume = useCallback(() => {
    meter.current.reset();
    setState((s) => (s.phase === 'paused' ? { ...s, phase: 'uploading' } : s));
    upload.current?.start();
  }, []);

  const cancel = useCallback(async () => {
    generation.current++;
    const current = upload.current;
    upload.current = null;
    setState(IDLE);
    // Terminating deletes the partial upload on the server and forgets it here.
    await current?.abort(true).catch(() => undefined);
  }, []);

  const reset = useCallback(() => setState(IDLE), []);

  return { state, choose, pause, resume, cancel, reset };
}
