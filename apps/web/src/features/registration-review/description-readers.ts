/**
 * A case carries its subject's description as JSON (`Record<string, unknown>`): the server has
 * validated it against the resource or product schema. These readers check the few fields the
 * screens rely on before treating it as the shared interface, so an unexpected shape shows as
 * "unreadable" instead of crashing the page.
 */
import { provinceOf, type ProductDescription, type ResourceDescription } from '@shuliu/core';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The description as a data resource, or null when it does not look like one. */
export function readResource(description: unknown): ResourceDescription | null {
  if (!isRecord(description)) return null;
  const ok =
    typeof description.name === 'string' &&
    Array.isArray(description.dataItems) &&
    Array.isArray(description.rights) &&
    isRecord(description.source);
  return ok ? (description as unknown as ResourceDescription) : null;
}

/** The description as a data product, or null when it does not look like one. */
export function readProduct(description: unknown): ProductDescription | null {
  if (!isRecord(description)) return null;
  const ok =
    typeof description.name === 'string' &&
    typeof description.form === 'string' &&
    Array.isArray(description.scenarios) &&
    isRecord(description.pricing) &&
    isRecord(description.usagePolicy);
  return ok ? (description as unknown as ProductDescription) : null;
}

/** Every attachment id a description points at, with what it is evidence of. */
export function evidenceOf(
  description: unknown,
): { id: string; role: 'legality' | 'licence' | 'sample' | 'quality' }[] {
  const resource = readResource(description);
  if (resource) return resource.legalityEvidenceIds.map((id) => ({ id, role: 'legality' as const }));
  const product = readProduct(description);
  if (!product) return [];
  return [
    ...product.rightsChain.flatMap((link) =>
      link.licenceEvidenceIds.map((id) => ({ id, role: 'licence' as const })),
    ),
    ...(product.sample.attachmentId ? [{ id: product.sample.attachmentId, role: 'sample' as const }] : []),
    ...(product.quality.reportAttachmentId
      ? [{ id: product.quality.reportAttachmentId, role: 'quality' as const }]
      : []),
  ];
}

/**
 * A coverage division code as a reviewer should read it. Only province names are known to the app
 * (the full GB/T 2260 table is data the node may not have), so a city or county code keeps its code
 * beside the province — showing "江苏省" for 320100 (南京市) would overstate the coverage.
 */
export function coverageLabel(code: string, lang: 'zh' | 'en'): string {
  if (code === '100000') return lang === 'zh' ? '全国' : 'Nationwide';
  const province = provinceOf(code);
  if (!province) return code;
  return code.endsWith('0000') ? province[lang] : `${province[lang]} ${code}`;
}
