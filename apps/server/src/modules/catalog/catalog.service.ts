/**
 * Listing (上架), delisting (下架), the registration listener, and the product page. Every change
 * writes its event in the same transaction as the catalog row and the product's listing status.
 */
import type { SubjectKind } from '@shuliu/core';
import type { Clock } from '../../platform/clock.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { hasPlatformRole, type Principal, type UserPrincipal } from '../../platform/http/principal.js';
import { CATALOG_EVENTS as E } from './catalog.events.js';
import { indexProduct } from './catalog.indexing.js';
import { createPageCache, type CachedPage } from './catalog.page-cache.js';
import type { ListableProduct, MembershipSource, ProductSource } from './catalog.ports.js';
import { catalogRepository as repo } from './catalog.repository.js';
import { visibilitiesFor } from './catalog.search.js';

const LISTING_EVENTS = [E.productListed, E.productDelisted] as const;

/**
 * The catalog's side of the registration engine's `RegistrationListener` (registration/subjects.port.ts),
 * restated here so the catalog does not import the engine; the two are structurally the same.
 */
export interface CatalogRegistrationListener {
  onCertified(
    tx: Tx,
    event: { kind: SubjectKind; subjectId: string; certificateId: string; certificateNumber: string },
  ): Promise<void>;
  onSuspendedOrEnded(
    tx: Tx,
    event: {
      kind: SubjectKind;
      subjectId: string;
      reason: 'suspended' | 'revoked' | 'cancelled' | 'expired';
    },
  ): Promise<void>;
  onReinstated(tx: Tx, event: { kind: SubjectKind; subjectId: string }): Promise<void>;
}

/** True when the product may be in the catalog: registered, with a certificate in force. */
export function isCertified(product: ListableProduct): boolean {
  return (
    product.status === 'registered' &&
    product.registeredDescription !== null &&
    product.certificate?.status === 'active'
  );
}

export function createCatalogService(deps: {
  db: Db;
  clock: Clock;
  products: ProductSource;
  memberships: MembershipSource;
  publicUrl: string;
  /** Called after a committed change, so cached facet counts are dropped. */
  onChange?: () => void;
}) {
  const { db, clock, products } = deps;
  const pages = createPageCache({ load: repo.prepareFindPage(db) });
  /** After a change on this node: drop cached pages here, and whatever the wiring caches (facets). */
  const changed = () => {
    pages.clear();
    deps.onChange?.();
  };

  /** Writes the catalog row of a certified product; keeps the first listing time when re-indexing. */
  async function writeEntry(tx: Tx, product: ListableProduct, listedAt: Date) {
    const description = product.registeredDescription;
    const certificate = product.certificate;
    if (!description || !certificate) throw conflict('catalog.not_certified');
    await repo.upsert(
      tx,
      indexProduct({
        productId: product.productId,
        organizationId: product.organizationId,
        description,
        visibility: product.visibility,
        provider: product.provider,
        certificate,
        listedAt,
        modifiedAt: clock.now(),
        publicUrl: deps.publicUrl,
        ...(product.datasets ? { datasets: product.datasets } : {}),
      }),
    );
  }

  /** Removes the entry, marks the product delisted and records why. */
  async function delistIn(
    tx: Tx,
    product: ListableProduct,
    actor: { userId: string | null; requestId: string | null },
    reason: string | null,
    cause: 'owner' | 'exchange' | 'suspended' | 'revoked' | 'cancelled' | 'expired',
  ) {
    await repo.remove(tx, product.productId);
    await products.setListingStatus(tx, product.productId, 'delisted');
    await recordEvent(tx, clock, {
      type: E.productDelisted,
      actorId: actor.userId,
      organizationId: product.organizationId,
      subjectType: 'product',
      subjectId: product.productId,
      payload: { cause, reason },
      requestId: actor.requestId,
    });
  }

  async function requireOwnerOrAdmin(principal: UserPrincipal, product: ListableProduct) {
    const role = await deps.memberships.roleOf(principal.userId, product.organizationId);
    if (role === 'owner' || role === 'admin') return;
    if (role) throw new AppError('auth.forbidden', 403, { needs: 'owner|admin' });
    throw notFound('catalog.product.not_found');
  }

  async function committed<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await db.transaction(work);
    changed();
    return result;
  }

  const listener: CatalogRegistrationListener = {
    async onCertified(tx, event) {
      if (event.kind !== 'product') return;
      const product = await products.getListable(tx, event.subjectId);
      if (!product || product.listingStatus !== 'listed' || !isCertified(product)) return;
      await writeEntry(tx, product, (await repo.listedAtOf(tx, product.productId)) ?? clock.now());
      await recordEvent(tx, clock, {
        type: E.productReindexed,
        organizationId: product.organizationId,
        subjectType: 'product',
        subjectId: product.productId,
        payload: { certificateNumber: event.certificateNumber },
      });
      changed();
    },
    async onSuspendedOrEnded(tx, event) {
      if (event.kind !== 'product') return;
      const product = await products.getListable(tx, event.subjectId);
      if (!product || product.listingStatus !== 'listed') return;
      await delistIn(tx, product, { userId: null, requestId: null }, null, event.reason);
      changed();
    },
    async onReinstated(tx, event) {
      if (event.kind !== 'product') return;
      const product = await products.getListable(tx, event.subjectId);
      if (!product || product.listingStatus !== 'delisted' || !isCertified(product)) return;
      const last = await repo.lastListingEvent(tx, product.productId, LISTING_EVENTS);
      if (last?.type !== E.productDelisted || last.payload.cause !== 'suspended') return;
      const now = clock.now();
      await writeEntry(tx, product, now);
      await products.setListingStatus(tx, product.productId, 'listed');
      await recordEvent(tx, clock, {
        type: E.productListed,
        organizationId: product.organizationId,
        subjectType: 'product',
        subjectId: product.productId,
        payload: { cause: 'reinstated' },
      });
      changed();
    },
  };

  return {
    listener,

    /** 上架: an owner or admin of the product's organization lists a certified product. */
    async list(principal: UserPrincipal, productId: string, requestId: string | null) {
      return committed(async (tx) => {
        const product = await products.getListable(tx, productId);
        if (!product) throw notFound('catalog.product.not_found');
        await requireOwnerOrAdmin(principal, product);
        if (!isCertified(product))
          throw conflict('catalog.not_certified', { certificateStatus: product.certificate?.status ?? null });
        if (product.listingStatus === 'listed') throw conflict('catalog.listing.already_listed');
        await writeEntry(tx, product, clock.now());
        await products.setListingStatus(tx, productId, 'listed');
        await recordEvent(tx, clock, {
          type: E.productListed,
          actorId: principal.userId,
          organizationId: product.organizationId,
          subjectType: 'product',
          subjectId: productId,
          payload: { cause: 'owner', certificateNumber: product.certificate?.number ?? null },
          requestId,
        });
        return { productId, listingStatus: 'listed' as const };
      });
    },

    /** 下架: by an owner or admin of the organization, or by exchange staff (who must give a reason). */
    async delist(
      principal: UserPrincipal,
      productId: string,
      reason: string | null,
      requestId: string | null,
    ) {
      const isStaff = hasPlatformRole(principal, 'exchange_admin', 'exchange_reviewer');
      return committed(async (tx) => {
        const product = await products.getListable(tx, productId);
        if (!product) throw notFound('catalog.product.not_found');
        let cause: 'owner' | 'exchange' = 'owner';
        const role = await deps.memberships.roleOf(principal.userId, product.organizationId);
        if (role !== 'owner' && role !== 'admin') {
          if (!isStaff) {
            if (role) throw new AppError('auth.forbidden', 403, { needs: 'owner|admin' });
            throw notFound('catalog.product.not_found');
          }
          if (!reason) throw badRequest('catalog.listing.reason_required');
          cause = 'exchange';
        }
        if (product.listingStatus !== 'listed') throw conflict('catalog.listing.not_listed');
        await delistIn(tx, product, { userId: principal.userId, requestId }, reason, cause);
        return { productId, listingStatus: 'delisted' as const };
      });
    },

    /**
     * The product page (JSON text and ETag), 404 when absent or not visible to the caller. Anonymous
     * callers cost no query on a cached page; visibility is checked on every call.
     */
    async productPage(principal: Principal, productId: string): Promise<CachedPage> {
      const page = await pages.get(productId);
      if (!page) throw notFound('catalog.product.not_found');
      if (page.visibility !== 'public') {
        const visibilities: readonly string[] =
          principal.kind === 'user' ? await visibilitiesFor(principal, deps.memberships) : ['public'];
        if (!visibilities.includes(page.visibility)) throw notFound('catalog.product.not_found');
      }
      return page;
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
