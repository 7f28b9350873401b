/**
 * The resource wizard's values and their conversion to and from the description the API keeps
 * (ResourceDescription in @shuliu/core). A draft may be incomplete, so every field is optional and
 * only what the user filled in is sent.
 */
import type {
  DataDomain,
  DataFormat,
  DataGrade,
  DataItem,
  DataRight,
  OpenAttribute,
  ResourceDescription,
  ShareAttribute,
  SourceMethod,
  UpdateFrequency,
} from '@shuliu/core';
import type { ResourceDraft } from '../api';
import type { FieldPath } from './field-errors';
import { idsOf, itemsOf, type UploadItem } from './uploads';

/** Everything the resource wizard holds. */
export interface ResourceFormValues {
  name?: string;
  summary?: string;
  domain?: DataDomain;
  keywords?: string[];
  dataItems?: (Partial<DataItem> | undefined)[];
  source?: { method?: SourceMethod; description?: string };
  legalityEvidence?: UploadItem[];
  rights?: DataRight[];
  grade?: DataGrade;
  personalInformation?: boolean;
  shareAttribute?: ShareAttribute;
  openAttribute?: OpenAttribute;
  timeCoverage?: { from?: string; to?: string };
  spatialCoverage?: string[];
  updateFrequency?: UpdateFrequency;
  formats?: DataFormat[];
  volume?: { records?: number | null; bytes?: number | null };
}

/** Steps of the wizard and the top-level fields each one edits (validated before moving on). */
export const RESOURCE_STEPS = [
  { key: 'basic', fields: ['name', 'summary', 'domain', 'keywords'] },
  { key: 'items', fields: ['dataItems'] },
  { key: 'source', fields: ['source', 'legalityEvidence', 'rights'] },
  {
    key: 'classification',
    fields: [
      'grade',
      'personalInformation',
      'shareAttribute',
      'openAttribute',
      'timeCoverage',
      'spatialCoverage',
      'updateFrequency',
      'formats',
      'volume',
    ],
  },
  { key: 'confirm', fields: [] },
] as const;

const text = (value: string | undefined) => (value ?? '').trim();
const count = (value: number | null | undefined) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;

/** The (possibly partial) description the form's values describe. */
export function toResourceDescription(values: ResourceFormValues): Partial<ResourceDescription> {
  const items = (values.dataItems ?? []).flatMap((item) =>
    item && text(item.name)
      ? [
          {
            name: text(item.name),
            type: item.type ?? 'string',
            description: text(item.description),
            sensitivity: item.sensitivity ?? 'none',
          },
        ]
      : [],
  );
  const from = values.timeCoverage?.from;
  const to = values.timeCoverage?.to;
  return {
    name: text(values.name),
    summary: text(values.summary),
    ...(values.domain ? { domain: values.domain } : {}),
    keywords: (values.keywords ?? []).map((k) => k.trim()).filter((k) => k.length > 0),
    dataItems: items,
    formats: values.formats ?? [],
    volume: { records: count(values.volume?.records), bytes: count(values.volume?.bytes) },
    ...(from ? { timeCoverage: { from, ...(to ? { to } : {}) } } : {}),
    spatialCoverage: (values.spatialCoverage ?? []).map((c) => c.trim()).filter((c) => c.length > 0),
    ...(values.updateFrequency ? { updateFrequency: values.updateFrequency } : {}),
    ...(values.source?.method
      ? { source: { method: values.source.method, description: text(values.source.description) } }
      : {}),
    legalityEvidenceIds: idsOf(values.legalityEvidence),
    rights: values.rights ?? [],
    ...(values.grade ? { grade: values.grade } : {}),
    personalInformation: values.personalInformation ?? false,
    ...(values.shareAttribute ? { shareAttribute: values.shareAttribute } : {}),
    ...(values.openAttribute ? { openAttribute: values.openAttribute } : {}),
  };
}

/** Form values of a saved description. */
export function resourceFormValuesOf(d: ResourceDraft): ResourceFormValues {
  return {
    name: d.name,
    summary: d.summary,
    domain: d.domain,
    keywords: d.keywords ?? [],
    dataItems: d.dataItems ?? [],
    source: { method: d.source?.method, description: d.source?.description },
    legalityEvidence: itemsOf(d.legalityEvidenceIds),
    rights: d.rights ?? [],
    grade: d.grade,
    personalInformation: d.personalInformation ?? false,
    shareAttribute: d.shareAttribute,
    openAttribute: d.openAttribute,
    timeCoverage: { from: d.timeCoverage?.from, to: d.timeCoverage?.to },
    spatialCoverage: d.spatialCoverage ?? [],
    updateFrequency: d.updateFrequency,
    formats: d.formats ?? [],
    volume: { records: d.volume?.records, bytes: d.volume?.bytes },
  };
}

/** Starting values of a new resource: the cautious choices preselected. */
export function emptyResourceValues(): ResourceFormValues {
  return {
    keywords: [],
    dataItems: [],
    rights: ['holding'],
    legalityEvidence: [],
    personalInformation: false,
    spatialCoverage: [],
    formats: [],
    shareAttribute: 'conditional',
    openAttribute: 'conditional',
  };
}

/** The form field a description path belongs to (evidence ids live in the upload list). */
export function resourceFieldOf(path: FieldPath): FieldPath | null {
  if (path[0] === 'legalityEvidenceIds') return ['legalityEvidence'];
  if (path[0] === 'timeCoverage' && path.length === 1) return ['timeCoverage', 'from'];
  return path.length > 0 ? path : null;
}

/**
 * The first step with a required field still empty, or -1 when the description is complete
 * enough to submit (the server checks again, and more).
 */
export function firstIncompleteResourceStep(d: Partial<ResourceDescription>): number {
  if (!d.name || !d.summary || !d.domain) return 0;
  if (!d.dataItems || d.dataItems.length === 0) return 1;
  if (!d.source?.method || !d.source.description || !d.rights?.length || !d.legalityEvidenceIds?.length)
    return 2;
  if (
    !d.grade ||
    !d.shareAttribute ||
    !d.openAttribute ||
    !d.timeCoverage ||
    !d.spatialCoverage?.length ||
    !d.updateFrequency ||
    !d.formats?.length
  )
    return 3;
  return -1;
}
