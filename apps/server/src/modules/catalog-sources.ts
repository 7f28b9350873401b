/**
 * The catalog's view of products, assembled from the modules that own the parts: the product row
 * (registry), its provider (participants), its certificate (registration) and the dataset versions
 * its description references (datasets). Wiring only: each module stays ignorant of the others.
 */
import { isOneOf, PRODUCT_FORMS, VISIBILITIES, type ProductDescription } from '@shuliu/core';
import type { ListingStatus, ProductDatasetInfo, ProductSource } from './catalog/index.js';
import type { AttachableVersion, DatasetsModule } from './datasets/index.js';
import type { ParticipantsModule } from './participants/index.js';
import type { RegistrationModule } from './registration/index.js';
import type { RegistryModule } from './registry/index.js';

const LISTING_STATUSES: readonly ListingStatus[] = ['unlisted', 'listed', 'delisted'];

/** True when a stored description has the shape of a registered product description. */
function asProductDescription(value: Record<string, unknown> | null): ProductDescription | null {
  if (!value || typeof value['name'] !== 'string') return null;
  if (!isOneOf(PRODUCT_FORMS, value['form'])) return null;
  // Registered descriptions passed the full schema at submission; the registry keeps them as certified.
  return value as unknown as ProductDescription;
}

/**
 * What the public page may show of referenced versions: ready ones only, a sample only when published.
 * A version that stopped being the organization's (after a transfer) is left out.
 */
function publicDatasets(described: AttachableVersion[]): ProductDatasetInfo[] {
  return described.flatMap(({ version, ...ref }) =>
    version?.state === 'ready'
      ? [
          {
            datasetId: ref.datasetId,
            datasetName: version.datasetName,
            versionNumber: ref.versionNumber,
            rowCount: version.rowCount,
            quality: version.quality,
            sampleId: ref.sampleState === 'published' ? ref.sampleId : null,
          },
        ]
      : [],
  );
}

export function catalogProductSource(modules: {
  registry: RegistryModule;
  participants: ParticipantsModule;
  datasets: DatasetsModule;
  /** Late-bound: the engine is built after the catalog, whose listener it needs. */
  registration: () => RegistrationModule;
}): ProductSource {
  return {
    async getListable(tx, productId) {
      const product = await modules.registry.getProduct(tx, productId, true);
      if (!product) return null;
      const participant = await modules.participants.participants.ofOrganization(tx, product.organizationId);
      const current =
        (await modules.registration().certificates.currentOf(productId, tx)) ??
        (product.currentCertificateId
          ? await modules.registration().certificates.byId(product.currentCertificateId, tx)
          : undefined);
      const description = asProductDescription(product.registeredDescription);
      const references = description?.datasets ?? [];
      const datasets =
        references.length > 0
          ? publicDatasets(await modules.datasets.attachable.describe(tx, product.organizationId, references))
          : [];
      return {
        productId: product.id,
        organizationId: product.organizationId,
        status: product.status,
        listingStatus: isOneOf(LISTING_STATUSES, product.listingStatus) ? product.listingStatus : 'unlisted',
        visibility: isOneOf(VISIBILITIES, product.visibility) ? product.visibility : 'participants',
        registeredDescription: description,
        provider: {
          name: participant?.name ?? '',
          creditCode: participant?.creditCode ?? '',
          participantCredentialNumber: participant?.credentialNumber ?? null,
          divisionCode: participant?.divisionCode ?? '000000',
        },
        certificate: current
          ? { number: current.number, status: current.status, validUntil: current.validUntil }
          : null,
        datasets,
      };
    },
    async setListingStatus(tx, productId, status) {
      await modules.registry.setListingStatus(tx, productId, status);
    },
  };
}
