// Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a mod-11 check digit.

const weights = [3, 2, 7, 6, 5, 4, 3, 2];

/** Digits only, so "923 609 016" and "923609016" are the same number. */
export function normalizeOrgNumber(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

export type OrgNumberProblem = 'format' | 'checkDigit' | 'notIssued';

export function checkOrgNumber(input: string): OrgNumberProblem | null {
  const digits = normalizeOrgNumber(input);
  if (!/^\d{9}$/.test(digits)) return 'format';
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const remainder = sum % 11;
  // A remainder of 1 would need the check digit 10: such numbers are never issued.
  if (remainder === 1) return 'checkDigit';
  const checkDigit = remainder === 0 ? 0 : 11 - remainder;
  if (checkDigit !== Number(digits[8])) return 'checkDigit';
  // The register issues organisation numbers starting with 8 or 9; 000000000 passes the check digit but is no number.
  return digits[0] === '8' || digits[0] === '9' ? null : 'notIssued';
}

export function formatOrgNumber(digits: string): string {
  const d = normalizeOrgNumber(digits);
  return /^\d{9}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : digits;
}
