/**
 * A registration certificate (登记证书) by its number through the SDK (getRegistrationCertificate,
 * public): what it certifies, its credential (JWT), status and the chain of versions; and the
 * exchange admin's suspend / reinstate / revoke.
 */
import { unwrap } from '@shuliu/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../app/sdk';

/** A certificate as the public page shows it. */
export type RegistrationCertificate = Schemas['RegistrationCertificate'];

export const certificateKeys = {
  one: (number: string) => ['registration-certificates', number] as const,
};

/** The certificate with `number`; disabled while the number is unknown. */
export function useCertificate(number: string | null | undefined) {
  return useQuery({
    queryKey: certificateKeys.one(number ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/registration/certificates/{number}', {
          params: { path: { number: number ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(number),
  });
}

/** What the exchange admin may do to a certificate (status list bits flip with it). */
export type CertificateAction = 'suspend' | 'reinstate' | 'revoke';

/** The actions a status allows (mirrors the server's certificate machine). */
export function allowedCertificateActions(status: string): CertificateAction[] {
  if (status === 'active') return ['suspend', 'revoke'];
  if (status === 'suspended') return ['reinstate', 'revoke'];
  return [];
}

async function act(number: string, action: CertificateAction, reason: string | undefined) {
  const init = { params: { path: { number } }, body: reason ? { reason } : {} };
  switch (action) {
    case 'suspend':
      return unwrap(await api.POST('/api/registration/certificates/{number}/suspend', init));
    case 'reinstate':
      return unwrap(await api.POST('/api/registration/certificates/{number}/reinstate', init));
    case 'revoke':
      return unwrap(await api.POST('/api/registration/certificates/{number}/revoke', init));
  }
}

/** Suspends, reinstates or revokes a certificate (exchange admin); suspend and revoke need a reason. */
export function useCertificateAction(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: CertificateAction; reason?: string }) =>
      act(number, action, reason),
    onSuccess: (data) => {
      queryClient.setQueryData(certificateKeys.one(number), data);
      void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}
