/**
 * The application form's values and their conversion to and from the API body. Uploads are held
 * per purpose as antd upload items whose `response` is the stored attachment.
 */
import {
  normalizeCreditCode,
  requiredCommitments,
  type Commitment,
  type EntityType,
  type MerchantSubtype,
  type ParticipantRole,
  type ServiceType,
} from '@shuliu/core';
import type { UploadFile } from 'antd';
import {
  attachmentUrl,
  type Application,
  type ApplicationAttachment,
  type ApplicationBody,
  type Attachment,
  type AttachmentPurpose,
} from '../api';

/** Purposes of the evidence files, in the order the form asks for them. */
export const ATTACHMENT_PURPOSES: readonly AttachmentPurpose[] = [
  'business_licence',
  'authorization_letter',
  'other',
];

/** An upload item of the form. */
export type UploadItem = UploadFile<Attachment>;

/** Everything the multi-step form holds. */
export interface ApplicationFormValues {
  creditCode: string;
  name: string;
  entityType: EntityType;
  legalRepresentative: string;
  address: string;
  divisionCode: string;
  contact: { name: string; phone: string; email: string };
  roles: ParticipantRole[];
  merchantSubtypes: MerchantSubtype[];
  serviceTypes: ServiceType[];
  commitments: Commitment[];
  uploads: Record<AttachmentPurpose, UploadItem[] | undefined>;
}

/** The fields of each step, validated before moving on. */
export const STEP_FIELDS: readonly (readonly (string | readonly string[])[])[] = [
  [
    'creditCode',
    'name',
    'entityType',
    'legalRepresentative',
    'address',
    'divisionCode',
    ['contact', 'name'],
    ['contact', 'phone'],
    ['contact', 'email'],
  ],
  ['roles', 'merchantSubtypes', 'serviceTypes'],
  ['commitments'],
  [
    ['uploads', 'business_licence'],
    ['uploads', 'authorization_letter'],
    ['uploads', 'other'],
  ],
  [],
];

/** The attachment behind an upload item, once it is stored. */
export function attachmentOf(item: UploadItem): Attachment | undefined {
  return item.status === 'done' ? item.response : undefined;
}

/**
 * Turns the form values into the API body (subtypes only for the roles that have them).
 * `organizationId`: apply for this existing organization instead of creating one.
 */
export function toApplicationBody(values: ApplicationFormValues, organizationId?: string): ApplicationBody {
  const roles = values.roles;
  const attachmentIds = ATTACHMENT_PURPOSES.flatMap((purpose) =>
    (values.uploads[purpose] ?? []).flatMap((item) => {
      const attachment = attachmentOf(item);
      return attachment ? [attachment.id] : [];
    }),
  );
  return {
    ...(organizationId ? { organizationId } : {}),
    creditCode: normalizeCreditCode(values.creditCode),
    name: values.name.trim(),
    entityType: values.entityType,
    legalRepresentative: values.legalRepresentative.trim(),
    address: values.address.trim(),
    divisionCode: values.divisionCode.trim(),
    contact: {
      name: values.contact.name.trim(),
      phone: values.contact.phone.replace(/\s+/g, ''),
      email: values.contact.email.trim(),
    },
    roles,
    merchantSubtypes: roles.includes('merchant') ? values.merchantSubtypes : [],
    serviceTypes: roles.includes('service') ? values.serviceTypes : [],
    commitments: values.commitments,
    attachmentIds,
  };
}

/** Starting values for a new application. */
export function emptyFormValues(): Partial<ApplicationFormValues> {
  return {
    entityType: 'enterprise',
    roles: [],
    merchantSubtypes: [],
    serviceTypes: [],
    commitments: [],
    uploads: { business_licence: [], authorization_letter: [], other: [] },
  };
}

/** The purpose of a listed attachment, `other` when the server names one we do not know. */
export function purposeOf(attachment: ApplicationAttachment): AttachmentPurpose {
  return ATTACHMENT_PURPOSES.find((purpose) => purpose === attachment.purpose) ?? 'other';
}

/** Form values of an existing application (to correct a returned one). */
export function formValuesOf(application: Application): Partial<ApplicationFormValues> {
  const uploads: Record<AttachmentPurpose, UploadItem[]> = {
    business_licence: [],
    authorization_letter: [],
    other: [],
  };
  for (const attachment of application.attachments) {
    const purpose = purposeOf(attachment);
    uploads[purpose].push({
      uid: attachment.id,
      name: attachment.filename,
      status: 'done',
      size: attachment.size,
      type: attachment.contentType,
      url: attachmentUrl(attachment.id),
      response: { ...attachment, purpose, createdAt: application.createdAt },
    });
  }
  return {
    creditCode: application.creditCode,
    name: application.name,
    entityType: application.entityType,
    legalRepresentative: application.legalRepresentative,
    address: application.address,
    divisionCode: application.divisionCode,
    contact: { ...application.contact },
    roles: application.roles,
    merchantSubtypes: application.merchantSubtypes,
    serviceTypes: application.serviceTypes,
    commitments: application.commitments,
    uploads,
  };
}

/** Required commitments the values do not yet include. */
export function missingCommitments(
  roles: readonly ParticipantRole[],
  made: readonly Commitment[],
): Commitment[] {
  return requiredCommitments(roles).filter((c) => !made.includes(c));
}

/** A phone number: mainland mobile, or a landline with area code. */
export function isPhoneNumber(value: string): boolean {
  const phone = value.replace(/\s+/g, '');
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(phone);
}
