// Owns which IP addresses an alert's outgoing request may not reach: loopback, link-local, private, reserved.
import { BlockList, isIPv4 } from 'node:net';

const V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const V6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
];

const blocked = new BlockList();
for (const [a, p] of V4) blocked.addSubnet(a, p, 'ipv4');
for (const [a, p] of V6) blocked.addSubnet(a, p, 'ipv6');

/** True for an address a webhook URL must not reach (so it cannot probe the server's own network). */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase();
  // IPv4-mapped and -compatible IPv6 (::ffff:10.0.0.1) reach the IPv4 address.
  const mapped = /^::(ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return blocked.check(mapped[2], 'ipv4');
  return isIPv4(a) ? blocked.check(a, 'ipv4') : blocked.check(a, 'ipv6');
}
