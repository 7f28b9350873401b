/**
 * The public catalog through the SDK: search with facets (searchCatalog), the product page
 * (getCatalogProduct), and the owner's or exchange's listing / delisting (listProduct,
 * delistProduct).
 */
import { unwrap } from '@shuliu/sdk';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../app/sdk';
import { toSearchQuery, type CatalogFilter } from './catalog-url';

export const catalogKeys = {
  all: ['catalog'] as const,
  search: (filter: CatalogFilter) => ['catalog', 'search', filter] as const,
  product: (id: string) => ['catalog', 'product', id] as const,
};

/** Results for `filter`, page by page (cursor); facets and total come with every page. */
export function useCatalogSearch(filter: CatalogFilter) {
  return useInfiniteQuery({
    queryKey: catalogKeys.search(filter),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/catalog/search', {
          params: { query: { ...toSearchQuery(filter, pageParam), limit: 20 } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One listed product. */
export function useCatalogProduct(id: string) {
  return useQuery({
    queryKey: catalogKeys.product(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/catalog/products/{id}', { params: { path: { id } }, signal })),
    enabled: id !== '',
  });
}

/** Lists (上架) or delists (下架) a product; delisting by the exchange needs a reason. */
export function useListing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ listed, reason }: { listed: boolean; reason?: string }) => {
      const path = { params: { path: { id } } };
      return listed
        ? unwrap(await api.POST('/api/catalog/products/{id}/listing', path))
        : unwrap(
            await api.DELETE('/api/catalog/products/{id}/listing', {
              ...path,
              body: reason ? { reason } : {},
            }),
          );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}
