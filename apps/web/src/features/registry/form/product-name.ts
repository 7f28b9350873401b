/**
 * UI helpers around the product naming rule `provider·subject·form·granularity` (findProductNameProblem
 * in @shuliu/core): the wizard asks for the four parts separately and composes the name, so the
 * user never types the separator; an existing name is split back into its parts for editing.
 */
import {
  composeProductName,
  findProductNameProblem,
  PRODUCT_FORM_LABELS,
  PRODUCT_FORMS,
  type NameProblem,
  type ProductForm,
} from '@shuliu/core';

/** The parts the user types (the form segment comes from the chosen form). */
export interface NameParts {
  provider: string;
  subject: string;
  granularity: string;
}

// Legal-form suffixes dropped from a registered name to suggest the provider's short name.
const SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '集团',
  '公司',
  'co., ltd.',
  'co.,ltd.',
  'co. ltd.',
  'limited',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
];

/**
 * Suggests the provider segment from the organization's registered name by dropping its legal
 * form (数流科技有限公司 → 数流科技). The rule only requires the segment to appear in the registered
 * name, so any such short name passes.
 */
export function providerShortName(registeredName: string): string {
  let name = registeredName.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (name.toLowerCase().endsWith(suffix) && name.length > suffix.length) {
        name = name.slice(0, name.length - suffix.length).replace(/[\s,，]+$/u, '');
        changed = true;
      }
    }
  }
  return name.slice(0, 40);
}

/** The product name composed from its parts (parts trimmed). */
export function composeName(parts: Partial<NameParts>, form: ProductForm): string {
  return composeProductName({
    provider: (parts.provider ?? '').trim(),
    subject: (parts.subject ?? '').trim(),
    form,
    granularity: (parts.granularity ?? '').trim(),
  });
}

/** The first problem of the composed name, or null when it follows the rule. */
export function nameProblemOf(
  parts: Partial<NameParts>,
  form: ProductForm | undefined,
  providerName: string,
): NameProblem | null {
  if (!form) return 'form_mismatch';
  return findProductNameProblem(composeName(parts, form), { providerName, form });
}

/**
 * Splits a saved name back into its parts and form; null when it does not have four segments.
 * The form is recognised from its zh or en label.
 */
export function splitProductName(name: string): (NameParts & { form?: ProductForm }) | null {
  const segments = name.split(/\s*[·・•]\s*/u).map((s) => s.trim());
  if (segments.length !== 4) return null;
  const [provider = '', subject = '', label = '', granularity = ''] = segments;
  const form = PRODUCT_FORMS.find(
    (f) =>
      PRODUCT_FORM_LABELS[f].zh === label || PRODUCT_FORM_LABELS[f].en.toLowerCase() === label.toLowerCase(),
  );
  return { provider, subject, granularity, ...(form ? { form } : {}) };
}
