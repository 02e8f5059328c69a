/**
 * The number of leading items of a sorted list for which `before` holds: the index of the first
 * item it fails for, by binary search. `before` must hold for a prefix of the list and fail for
 * the rest (offsets in text order: "ends at or before 120", "starts before 300").
 */
export function countBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
