/**
 * Masking (脱敏) of personal information shown in public places. Personal information never leaves
 * the platform unmasked unless the viewer is entitled to it.
 */

/** Keeps the first character of a person's name: 张三丰 → 张**. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Keeps the first 3 and last 4 digits of a phone number: 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** Keeps the first character of the local part: zhang@example.com → z***@example.com. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return email.charAt(0) + '***' + email.slice(at);
}
