/** Who may see room data: people from the allowed email domains or on the allowed list. */
export function isAllowed(
  email: string | undefined,
  allowedDomains: readonly string[],
  allowedPeople: readonly string[],
): boolean {
  if (!email) return false;
  const address = email.trim().toLowerCase();
  if (allowedPeople.includes(address)) return true;
  const domain = address.split('@')[1];
  return domain !== undefined && allowedDomains.includes(domain);
}
