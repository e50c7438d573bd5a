import type { z } from 'zod';

/** Turns a zod error into one readable line, e.g. "title is empty; year must be a whole number". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      // Our schema messages already name the field; zod's generic ones do not.
      return field && !issue.message.startsWith(field.split('.')[0]!) ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
