import { isIP } from 'node:net';

/**
 * What kind of network an IP address reaches, decided on its canonical form. An address can be
 * written many ways: an IPv4 address inside IPv6 (mapped "::ffff:7f00:1", compatible "::127.0.0.1",
 * translated "::ffff:0:…", NAT64 "64:ff9b::…", 6to4 "2002:7f00:1::", Teredo "2001:0:…") reaches the
 * IPv4 host it embeds, so it is classified as that IPv4 address. Every SSRF check goes through here.
 */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved' | 'invalid';

/** The address's 16-bit words, or null when it is not IPv6. Handles "::", a zone and a trailing dotted quad. */
function ipv6Words(address: string): number[] | null {
  let text = address.toLowerCase().replace(/^\[|\]$/g, '');
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (isIP(text) !== 6) return null;
  // A trailing dotted quad ("::ffff:127.0.0.1") is the last two words, written in decimal.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const toWords = (part: string): number[] => (part ? part.split(':').filter((w) => w !== '').map((w) => parseInt(w, 16)) : []);
  const [head = '', rest] = text.split('::') as [string, string | undefined];
  const front = toWords(head);
  const back = toWords(rest ?? '');
  if (rest === undefined) return [...front, ...back].length === 8 ? [...front, ...back] : null;
  const gap = 8 - front.length - back.length;
  return gap >= 0 ? [...front, ...new Array<number>(gap).fill(0), ...back] : null;
}

function v4Bytes(address: string): number[] | null {
  if (isIP(address) !== 4) return null;
  return address.split('.').map(Number);
}

function classifyV4([a = 0, b = 0, c = 0]: number[]): AddressClass {
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  // 240/4 and broadcast, IETF protocol assignments (192.0.0/24), benchmarking (198.18/15)
  if (a >= 240 || (a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return 'public';
}

/** The IPv4 address an IPv6 address embeds, by the transition mechanism its prefix names. */
function embeddedV4(w: number[]): number[] | null {
  const fromWords = (hi: number, lo: number): number[] => [hi >> 8, hi & 255, lo >> 8, lo & 255];
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = w;
  const zeroTo = (n: number): boolean => w.slice(0, n).every((x) => x === 0);
  if (zeroTo(5) && w5 === 0xffff) return fromWords(w6, w7); // mapped ::ffff:a.b.c.d
  if (zeroTo(4) && w4 === 0xffff && w5 === 0) return fromWords(w6, w7); // translated ::ffff:0:a.b.c.d
  if (zeroTo(6) && (w6 !== 0 || w7 > 1)) return fromWords(w6, w7); // compatible ::a.b.c.d (not :: or ::1)
  if (w0 === 0x64 && w1 === 0xff9b) return fromWords(w6, w7); // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
  if (w0 === 0x2002) return fromWords(w1, w2); // 6to4 2002:aabb:ccdd::/48
  if (w0 === 0x2001 && w1 === 0) return fromWords(w6 ^ 0xffff, w7 ^ 0xffff); // Teredo client address
  void w3;
  return null;
}

export function classifyAddress(address: string): AddressClass {
  const v4 = v4Bytes(address);
  if (v4) return classifyV4(v4);
  const words = ipv6Words(address);
  if (!words) return 'invalid';
  const embedded = embeddedV4(words);
  if (embedded) return classifyV4(embedded);
  const [w0 = 0] = words;
  if (words.every((x) => x === 0)) return 'unspecified';
  if (words.slice(0, 7).every((x) => x === 0) && words[7] === 1) return 'loopback';
  if ((w0 & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((w0 & 0xffc0) === 0xfe80 || (w0 & 0xffc0) === 0xfec0) return 'link-local'; // fe80::/10, old site-local fec0::/10
  if ((w0 & 0xff00) === 0xff00) return 'multicast';
  if (w0 === 0x100 && words.slice(1, 4).every((x) => x === 0)) return 'reserved'; // discard-only 100::/64
  if (w0 === 0x2001 && words[1] === 0xdb8) return 'reserved'; // documentation
  return 'public';
}
