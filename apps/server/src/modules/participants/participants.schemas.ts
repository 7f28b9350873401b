/**
 * Request and response schemas of the participants module (一主体一登记).
 */
import { z } from '@hono/zod-openapi';
import {
  APPLICATION_STATES,
  COMMITMENTS,
  ENTITY_TYPES,
  MERCHANT_SUBTYPES,
  PARTICIPANT_ROLES,
  PARTICIPANT_STATES,
  SERVICE_TYPES,
} from '@shuliu/core';

const idParam = (description: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: 'id', in: 'path' }, description }),
  });
export const ApplicationIdParam = idParam('Application id (`app_…`)');
export const ParticipantIdParam = idParam('Participant id (`par_…`)');

export const ApplicationRequest = z
  .object({
    organizationId: z
      .string()
      .max(64)
      .optional()
      .describe(
        'An existing unregistered organization the caller owns; omitted = a new organization is created',
      ),
    creditCode: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .describe('Unified social credit code (统一社会信用代码), 18 characters, GB 32100'),
    name: z
      .string()
      .trim()
      .min(2)
      .max(100)
      .describe('Registered name of the legal entity, as on the business licence'),
    entityType: z.enum(ENTITY_TYPES).describe('Kind of legal entity'),
    legalRepresentative: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .describe('Legal representative (法定代表人); shown masked in public'),
    address: z.string().trim().min(2).max(200).describe('Registered address'),
    divisionCode: z.string().trim().describe('Administrative division code (行政区划代码), 6 digits'),
    contact: z
      .object({
        name: z.string().trim().min(1).max(50).describe('Contact person'),
        phone: z
          .string()
          .trim()
          .regex(/^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mainland mobile (11 digits) or landline number')
          .describe('Contact phone; never shown unmasked in public'),
        email: z.email().max(254).describe('Contact email'),
      })
      .describe('Who the exchange contacts about this registration'),
    roles: z
      .array(z.enum(PARTICIPANT_ROLES))
      .min(1)
      .max(4)
      .describe('Roles asked for: provider, merchant, buyer, service'),
    merchantSubtypes: z
      .array(z.enum(MERCHANT_SUBTYPES))
      .max(5)
      .default([])
      .describe('Data merchant subtypes (required when asking for merchant)'),
    serviceTypes: z
      .array(z.enum(SERVICE_TYPES))
      .max(9)
      .default([])
      .describe('Services offered (required when asking for service)'),
    commitments: z
      .array(z.enum(COMMITMENTS))
      .max(4)
      .describe('Commitments made; must include every one the roles require'),
    attachmentIds: z
      .array(z.string().max(64))
      .max(20)
      .default([])
      .describe('Uploaded evidence (business licence etc.), uploaded by the caller'),
  })
  .openapi('ParticipantApplicationRequest');
export type ApplicationRequest = z.infer<typeof ApplicationRequest>;

export const ReasonRequest = z
  .object({ reason: z.string().trim().min(2).max(1000).describe('Why; shown to the applicant') })
  .openapi('ReasonRequest');
export const NoteRequest = z
  .object({ note: z.string().trim().max(1000).optional().describe('Optional note kept with the decision') })
  .openapi('NoteRequest');

const HistoryEntry = z.object({
  action: z
    .string()
    .describe('What happened: submitted, corrected, resubmitted, approved, rejected, returned, withdrawn'),
  actorName: z.string().nullable().describe('Who did it'),
  note: z.string().nullable().describe('Reason or note'),
  at: z.string().describe('When (ISO 8601)'),
});

const AttachmentSummary = z.object({
  id: z.string().describe('Attachment id'),
  filename: z.string().describe('File name'),
  contentType: z.string().describe('Content type'),
  size: z.number().int().describe('Bytes'),
  sha256: z.string().describe('SHA-256'),
  purpose: z.string().describe('What it proves'),
});

export const ApplicationResponse = z
  .object({
    id: z.string().describe('Application id'),
    state: z
      .enum(APPLICATION_STATES)
      .describe('submitted → approved | rejected | returned; returned → submitted | withdrawn'),
    allowedActions: z
      .array(z.string())
      .describe('Actions the state allows (the caller’s permissions apply on top)'),
    organizationId: z.string().describe('Organization applying'),
    creditCode: z.string().describe('Unified social credit code'),
    name: z.string().describe('Entity name'),
    entityType: z.enum(ENTITY_TYPES).describe('Kind of entity'),
    legalRepresentative: z.string().describe('Legal representative'),
    address: z.string().describe('Address'),
    divisionCode: z.string().describe('Administrative division code'),
    contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).describe('Contact'),
    roles: z.array(z.enum(PARTICIPANT_ROLES)).describe('Roles asked for'),
    merchantSubtypes: z.array(z.enum(MERCHANT_SUBTYPES)).describe('Merchant subtypes'),
    serviceTypes: z.array(z.enum(SERVICE_TYPES)).describe('Service types'),
    commitments: z.array(z.enum(COMMITMENTS)).describe('Commitments made'),
    attachments: z.array(AttachmentSummary).describe('Evidence files'),
    reviewNote: z.string().nullable().describe('Latest reviewer reason or note'),
    participantId: z.string().nullable().describe('Participant id once approved'),
    history: z.array(HistoryEntry).describe('Timeline of the application'),
    createdAt: z.string().describe('Submitted first'),
    updatedAt: z.string().describe('Last change'),
  })
  .openapi('ParticipantApplication');

export const ApplicationListQuery = z.object({
  scope: z
    .enum(['mine', 'queue'])
    .default('mine')
    .describe('`mine`: the caller’s applications; `queue`: all (exchange staff)'),
  state: z.enum(APPLICATION_STATES).optional().describe('Only applications in this state'),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Case-insensitive fragment of the entity name or the credit code'),
  role: z.enum(PARTICIPANT_ROLES).optional().describe('Only applications asking for this role'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});

export const ApplicationListResponse = z
  .object({
    items: z
      .array(ApplicationResponse.omit({ history: true, attachments: true }))
      .describe('Applications, newest first'),
    nextCursor: z.string().nullable().describe('Cursor of the next page, null at the end'),
    total: z.number().int().describe('Count matching the filters (all pages)'),
  })
  .openapi('ParticipantApplicationList');

export const CredentialInfo = z
  .object({
    number: z.string().describe('Human-readable credential number'),
    id: z.string().describe('Credential id (urn:uuid)'),
    jwt: z
      .string()
      .describe(
        'The credential as a VC-JOSE JWT (EdDSA), verifiable offline against the node’s DID document',
      ),
    issuedAt: z.string().describe('Issue time'),
    validUntil: z.string().describe('Expiry'),
    statusListUrls: z.array(z.string()).describe('Bitstring status lists the credential points to'),
  })
  .openapi('ParticipantCredentialInfo');

export const ParticipantResponse = z
  .object({
    id: z.string().describe('Participant id'),
    organizationId: z
      .string()
      .describe('The platform organization acting for the entity (used to assign a third-party assessor)'),
    name: z.string().describe('Entity name'),
    creditCode: z.string().describe('Unified social credit code (public business information)'),
    entityType: z.enum(ENTITY_TYPES).describe('Kind of entity'),
    roles: z.array(z.enum(PARTICIPANT_ROLES)).describe('Approved roles'),
    merchantSubtypes: z.array(z.enum(MERCHANT_SUBTYPES)).describe('Merchant subtypes'),
    serviceTypes: z.array(z.enum(SERVICE_TYPES)).describe('Service types'),
    divisionCode: z.string().describe('Administrative division code'),
    legalRepresentative: z.string().describe('Legal representative, masked (张*)'),
    contactPhone: z.string().describe('Contact phone, masked'),
    status: z.enum(PARTICIPANT_STATES).describe('active, suspended or revoked'),
    statusReason: z.string().nullable().describe('Why suspended or revoked'),
    credentialNumber: z.string().describe('Credential number'),
    registeredAt: z.string().describe('Registration time'),
  })
  .openapi('Participant');

export const ParticipantDetailResponse = ParticipantResponse.extend({ credential: CredentialInfo }).openapi(
  'ParticipantDetail',
);

export const ParticipantListQuery = z.object({
  q: z.string().max(100).optional().describe('Search in name and credit code'),
  role: z.enum(PARTICIPANT_ROLES).optional().describe('Only participants holding this role'),
  status: z.enum(PARTICIPANT_STATES).optional().describe('Only participants in this status'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});

export const ParticipantListResponse = z
  .object({
    items: z.array(ParticipantResponse).describe('Participants, newest registration first'),
    nextCursor: z.string().nullable().describe('Cursor of the next page, null at the end'),
    total: z.number().int().describe('Count matching the filters'),
  })
  .openapi('ParticipantList');
