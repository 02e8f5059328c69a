import type { RequirementStatus } from '../core/5-match/schema';
import { h } from './dom';

/** Status as a symbol and a word, so that it never depends on colour alone. */
export const STATUS_TEXT: Readonly<Record<RequirementStatus, string>> = { met: '✓ met', partial: '◐ partial', missing: '✗ missing', negated: '⊘ negated' };

export function statusBadge(status: RequirementStatus): HTMLElement {
  return h('span', { class: `badge status-${status}` }, STATUS_TEXT[status]);
}
