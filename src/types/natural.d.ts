// Types for the deep-path imports of natural that we use (its own typings cover only the index).
declare module 'natural/lib/natural/stemmers' {
  export const PorterStemmer: { stem(token: string): string };
}
declare module 'natural/lib/natural/distance' {
  export function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
