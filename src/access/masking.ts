/**
 * Masking of personal financial information (JR/T 0171—2020): by default an ID
 * shows at most its first 6 and last 4 characters, a phone its first 3 and last
 * 4 digits, a card number its first 6 and last 4.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
