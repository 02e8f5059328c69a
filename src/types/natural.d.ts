// Types for the deep-path imports of natural that we use (its own typings cover only the index).
// Each file is loaded alone: natural's indexes load every language's stemmer and much else.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
  export default JaroWinklerDistance;
}
