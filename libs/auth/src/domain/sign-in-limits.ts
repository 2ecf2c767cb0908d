/**
 * The keys sign-in failures are counted under (docs/decisions.md, "Sign-in abuse"): one per
 * username, whatever address guesses it, and one per client address, whatever names it tries.
 */
const KEY_MAX = 200;

export function usernameLimitKey(username: string): string {
  return `user:${username.trim().toLowerCase().slice(0, KEY_MAX)}`;
}

/** IPv4 seen through an IPv6 socket (`::ffff:10.1.2.3`) counts as that IPv4 address. */
export function addressLimitKey(address: string | undefined): string {
  const plain = (address ?? 'unknown').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  return `addr:${plain.toLowerCase().slice(0, KEY_MAX)}`;
}
