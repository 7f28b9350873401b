/**
 * Questions about a dataset's versions the pages ask: is something still being processed (then the
 * pages poll), which version to show by default, and the colour of a state.
 */
import { PROCESSING_STAGES, type ProcessingStage, type VersionState } from '@shuliu/core';

/** How often the pages ask again while a version is uploaded or processing. */
export const POLL_MS = 1000;

/** True while the server is still working on the version. */
export function isVersionActive(state: VersionState): boolean {
  return state === 'uploaded' || state === 'processing';
}

/** True when any version of the list is still being worked on. */
export function hasActiveVersion(versions: readonly { state: VersionState }[] | undefined): boolean {
  return (versions ?? []).some((v) => isVersionActive(v.state));
}

/**
 * The version the tabs show first: the newest ready one, else the newest of all (whose state the
 * tabs explain), else none.
 */
export function defaultVersionNumber(
  versions: readonly { number: number; state: VersionState }[] | undefined,
): number | undefined {
  const list = [...(versions ?? [])].sort((a, b) => b.number - a.number);
  return (list.find((v) => v.state === 'ready') ?? list[0])?.number;
}

/**
 * The newest ready version: the one whose quality grade and personal-information columns describe
 * the dataset while a newer upload is still processing or has failed.
 */
export function latestReadyVersion<V extends { number: number; state: VersionState }>(
  versions: readonly V[] | undefined,
): V | undefined {
  return [...(versions ?? [])].sort((a, b) => b.number - a.number).find((v) => v.state === 'ready');
}

/** antd tag colour of a version state. */
export function versionStateColor(state: VersionState): string {
  switch (state) {
    case 'uploaded':
      return 'default';
    case 'processing':
      return 'processing';
    case 'ready':
      return 'success';
    case 'failed':
      return 'error';
  }
}

/** antd colour of a quality grade: A green, B blue, C orange, D red. */
export function gradeColor(grade: 'A' | 'B' | 'C' | 'D'): string {
  switch (grade) {
    case 'A':
      return 'success';
    case 'B':
      return 'blue';
    case 'C':
      return 'warning';
    case 'D':
      return 'error';
  }
}

/** The stage a version is in, for its label; `queued` until a worker picks it up. */
export function stageKey(stage: string | null): ProcessingStage | 'queued' {
  return PROCESSING_STAGES.find((s) => s.stage === stage)?.stage ?? 'queued';
}
