/** Formatting shared by the registry pages. */
import dayjs from 'dayjs';

/** Timestamps as people read them: 2026-03-01 14:05. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}
