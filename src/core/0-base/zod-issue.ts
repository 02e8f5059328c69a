import type { z } from 'zod';

/** The first problem zod found, as "<path>: <message>", for the detail of an error (`where` when the path is empty). */
export function firstIssue(error: z.ZodError, where = 'body'): string {
  const issue = error.issues[0];
  return `${issue?.path.length ? issue.path.join('.') : where}: ${issue?.message ?? 'invalid'}`;
}
