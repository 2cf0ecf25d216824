/**
 * Splits `DOMAIN\name` into its parts, as Elastic's pipelines do for
 * account names; a name without a backslash has no domain.
 */
export function splitDomainUser(account: string | undefined): {
  name?: string;
  domain?: string;
} {
  if (account === undefined || account === '') return {};
  const cut = account.indexOf('\\');
  if (cut === -1) return { name: account };
  return { domain: account.slice(0, cut), name: account.slice(cut + 1) };
}
