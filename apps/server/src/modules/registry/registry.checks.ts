/**
 * What a description must satisfy before it is submitted for registration (checkSubmittable): the
 * full schema, no core data, personal information declared, the product naming rule, delivery fitting
 * the form, scenarios, sample, pricing, a lawful rights chain, grade not below the sources', a fresh
 * passing connectivity test for APIs, evidence attachments that belong to the organization, and
 * referenced dataset versions that are the organization's, processed, with published samples.
 */
import { createHash } from 'node:crypto';
import {
  DATA_GRADES,
  DELIVERIES_BY_FORM,
  findProductNameProblem,
  highestGrade,
  type DataGrade,
  type DatasetReference,
  type ProductDescription,
  type ResourceDescription,
} from '@shuliu/core';
import type { z } from '@hono/zod-openapi';
import type { Executor } from '../../platform/db/database.js';
import { toCanonicalJson } from '../../platform/events/event-hash.js';
import { badRequest, conflict } from '../../platform/http/errors.js';
import { ProductDescriptionSchema, ResourceDescriptionSchema } from './description.schemas.js';
import { gradeOf } from './registry.columns.js';
import { registryRepository as repo, type ProductRow, type ResourceRow } from './registry.repository.js';
import type { Connectivity } from './registry.schemas.js';
import { requireRegistrant, type RegistryPorts } from './registry.service.js';

/** SHA-256 of the JCS of a description: ties a connectivity result to what was tested. */
export const descriptionHash = (description: unknown): string =>
  createHash('sha256').update(toCanonicalJson(description)).digest('hex');

function parseFull<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw badRequest('registry.description_incomplete', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
    });
  return parsed.data;
}

/** Refuses attachments that are unknown or were not uploaded by a member of the organization. */
async function checkAttachments(ports: RegistryPorts, organizationId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await ports.attachments.findMany(wanted);
  const uploaders = [...new Set(found.map((a) => a.uploadedBy))];
  const members = new Set<string>();
  for (const user of uploaders) if (await ports.organizations.roleOf(user, organizationId)) members.add(user);
  const usable = new Set(found.filter((a) => members.has(a.uploadedBy)).map((a) => a.id));
  const bad = wanted.filter((id) => !usable.has(id));
  if (bad.length > 0) throw badRequest('registry.attachment.invalid', { ids: bad });
}

/**
 * Refuses dataset references the organization cannot stand behind: a version it does not hold (absent
 * or another organization's, not told apart), a version not processed, or a sample that is not a
 * published sample of that dataset.
 */
async function checkDatasets(
  ports: RegistryPorts,
  tx: Executor,
  organizationId: string,
  refs: readonly DatasetReference[] | undefined,
) {
  if (!refs || refs.length === 0) return;
  const described = await ports.datasets.describe(tx, organizationId, refs);
  for (const [i, ref] of refs.entries()) {
    const found = described[i];
    const at = { datasetId: ref.datasetId, versionNumber: ref.versionNumber, field: `datasets.${i}` };
    if (!found?.version) throw badRequest('registry.dataset.not_found', at);
    if (found.version.state !== 'ready')
      throw badRequest('registry.dataset.not_ready', { ...at, state: found.version.state });
    if (ref.sampleId && found.sampleState !== 'published')
      throw badRequest('registry.dataset.sample_not_published', {
        ...at,
        sampleId: ref.sampleId,
        state: found.sampleState,
      });
  }
}

/** Checks a data resource's saved description; returns it typed. */
export async function checkResourceSubmittable(
  ports: RegistryPorts,
  tx: Executor,
  row: ResourceRow,
): Promise<ResourceDescription> {
  const d = parseFull(ResourceDescriptionSchema, row.description);
  if (d.grade === 'CORE') throw badRequest('registry.core_data_not_tradable', { field: 'grade' });
  if (d.timeCoverage.to && d.timeCoverage.to < d.timeCoverage.from)
    throw badRequest('registry.description_incomplete', {
      issues: [{ path: 'timeCoverage.to', message: 'ends before it starts', code: 'custom' }],
    });
  const personal = d.dataItems.filter(
    (i) => i.sensitivity === 'personal' || i.sensitivity === 'sensitive_personal',
  );
  if (personal.length > 0 && !d.personalInformation)
    throw badRequest('registry.personal_information_undeclared', { items: personal.map((i) => i.name) });
  await requireRegistrant(ports, tx, row.organizationId);
  await checkAttachments(ports, row.organizationId, d.legalityEvidenceIds);
  await checkDatasets(ports, tx, row.organizationId, d.datasets);
  return d;
}

/** The rights chain: every source registered, not core, and the holder's own or licensed. */
async function checkRightsChain(tx: Executor, row: ProductRow, d: ProductDescription): Promise<DataGrade[]> {
  const ids = [...new Set(d.rightsChain.map((l) => l.resourceId))];
  const found = new Map((await repo.findResources(tx, ids)).map((r) => [r.id, r]));
  const grades: DataGrade[] = [];
  for (const link of d.rightsChain) {
    const resource = found.get(link.resourceId);
    const fail = (problem: string) =>
      badRequest('registry.rights_chain.invalid', { resourceId: link.resourceId, problem });
    if (!resource) throw fail('not_found');
    const registered =
      resource.registeredDescription !== null &&
      (resource.status === 'registered' || resource.status === 'registering');
    if (!registered) throw fail('not_registered');
    if (resource.organizationId !== row.organizationId && link.licenceEvidenceIds.length === 0)
      throw fail('licence_required');
    if (resource.grade === 'CORE') throw fail('core_data');
    grades.push(gradeOf(resource.grade));
  }
  return grades;
}

/** Checks a data product's saved description; returns it typed. */
export async function checkProductSubmittable(
  ports: RegistryPorts,
  tx: Executor,
  row: ProductRow,
): Promise<ProductDescription> {
  const d = parseFull(ProductDescriptionSchema, row.description);
  if (d.grade === 'CORE') throw badRequest('registry.core_data_not_tradable', { field: 'grade' });
  const provider = await requireRegistrant(ports, tx, row.organizationId);
  const problem = findProductNameProblem(d.name, { providerName: provider.name, form: d.form });
  if (problem) throw badRequest('registry.product_name.invalid', { problem, field: 'name' });
  const allowed = DELIVERIES_BY_FORM[d.form];
  const invalid = d.deliveryMethods.filter((m) => !allowed.includes(m));
  if (invalid.length > 0)
    throw badRequest('registry.product.delivery_mismatch', { form: d.form, invalid, allowed });
  if (d.scenarios.length === 0)
    throw badRequest('registry.product.scenario_required', { field: 'scenarios' });
  // A published sample of a referenced dataset is a sample too (checked with the references below).
  const datasetSample = d.datasets?.some((r) => r.sampleId) ?? false;
  if (!d.sample.attachmentId && !d.sample.exampleResponse && !datasetSample)
    throw badRequest('registry.product.sample_required', { field: 'sample' });
  const free = d.pricing.model === 'free_public_welfare';
  if (free !== (d.pricing.amountFen === 0))
    throw badRequest('registry.product.pricing_invalid', { field: 'pricing.amountFen' });
  const grades = await checkRightsChain(tx, row, d);
  if (grades.length > 0) {
    const required = highestGrade(grades);
    if (DATA_GRADES.indexOf(d.grade) > DATA_GRADES.indexOf(required))
      throw badRequest('registry.product.grade_too_low', { grade: d.grade, required });
  }
  if (d.form === 'api') {
    if (!d.api) throw badRequest('registry.product.api_required', { field: 'api' });
    const last = row.connectivity as Connectivity | null;
    if (!last?.ok || last.descriptionHash !== descriptionHash(row.description))
      throw conflict('registry.connectivity_required', { lastTestedAt: last?.testedAt ?? null });
  }
  await checkAttachments(ports, row.organizationId, [
    ...(d.sample.attachmentId ? [d.sample.attachmentId] : []),
    ...(d.quality.reportAttachmentId ? [d.quality.reportAttachmentId] : []),
    ...d.rightsChain.flatMap((l) => l.licenceEvidenceIds),
  ]);
  await checkDatasets(ports, tx, row.organizationId, d.datasets);
  return d;
}
