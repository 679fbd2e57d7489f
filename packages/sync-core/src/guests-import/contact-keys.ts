/*
 * Keys that decide whether two guests are the same person. A phone written "+86 138-1234-5678"
 * and one written "13812345678" are the same number, and e-mail addresses differ only in case.
 */

/** Digits only, without a leading China country code (86 or 0086) before an 11-digit mobile. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) return digits.slice(2);
  if (digits.length === 15 && digits.startsWith('0086')) return digits.slice(4);
  return digits;
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A phone as people write it: digits with an optional leading +, spaces, dashes, dots, brackets. */
export function isPlausiblePhone(phone: string): boolean {
  if (!/^\+?[\d\s\-().]+$/.test(phone)) return false;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20;
}

export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
