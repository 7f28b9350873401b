/**
 * What the catalog needs from other modules, as small interfaces wired by `registerCatalog`. The
 * catalog never reads the registry's or the registration engine's tables.
 */
import type { ProductDescription, QualityDimension, QualityReport, Visibility } from '@shuliu/core';
import type { Tx } from '../../platform/db/database.js';

/** The listing state kept on the product itself (data_products.listing_status). */
export type ListingStatus = 'unlisted' | 'listed' | 'delisted';

/** The provider of a product, as shown on the product page (no personal data). */
export interface ProviderInfo {
  /** Registered name of the legal entity. */
  name: string;
  /** Unified social credit code (统一社会信用代码). */
  creditCode: string;
  /** Number of the provider's participant credential (主体登记凭证编号), null when unregistered. */
  participantCredentialNumber: string | null;
  /** Administrative division code (6 digits) of the provider's registration. */
  divisionCode: string;
}

/**
 * A dataset version backing a product, as its public page shows it: the quality figures and a
 * published sample's id, never personal-information findings or unpublished samples.
 */
export interface ProductDatasetInfo {
  datasetId: string;
  /** The dataset's name. */
  datasetName: string;
  versionNumber: number;
  rowCount: number | null;
  quality: {
    /** 0–100. */
    overall: number;
    grade: QualityReport['grade'];
    /** The six dimensions' scores (0–100). */
    dimensions: { dimension: QualityDimension; score: number }[];
  } | null;
  /** The referenced sample when it is published (public at `/api/samples/{id}`), else null. */
  sampleId: string | null;
}

/** A product as the catalog needs it to list, index or delist it. */
export interface ListableProduct {
  productId: string;
  organizationId: string;
  /** draft | registering | registered | cancelled | expired */
  status: string;
  listingStatus: ListingStatus;
  visibility: Visibility;
  /** The description as certified; null before the first certificate. */
  registeredDescription: ProductDescription | null;
  provider: ProviderInfo;
  /** The certificate in force (or the latest one), null when none was issued. */
  certificate: { number: string; status: string; validUntil: Date | null } | null;
  /** The ready dataset versions the registered description references; absent = none. */
  datasets?: ProductDatasetInfo[];
}

/** Implemented by the registry module (data products). */
export interface ProductSource {
  /** Loads a product with what listing needs and locks its row for the transaction; null when absent. */
  getListable(tx: Tx, productId: string): Promise<ListableProduct | null>;
  /** Records the listing state on the product (上架 / 下架). */
  setListingStatus(tx: Tx, productId: string, status: ListingStatus): Promise<void>;
}

/** Implemented by accounts (its organizations service fits as is). */
export interface MembershipSource {
  /** The organizations a user belongs to, with the user's role and the participant registration. */
  organizationsOf(userId: string): Promise<{ id: string; participantId: string | null; role: string }[]>;
  /** The user's role in one organization, null when not a member. */
  roleOf(userId: string, organizationId: string): Promise<string | null>;
}
