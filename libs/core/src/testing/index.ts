/** Helpers for specs (no I/O): imported only by *.spec.ts files, through @hotline/core/testing. */
import { DomainError } from '../domain-error';

/** The stable reason a rule refused with, or 'allowed' when it did not refuse. */
export function reasonOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return reasonIn(error);
  }
  return 'allowed';
}

/** The stable reason an action was refused with, or 'done' when it went through. */
export async function rejectionOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return reasonIn(error);
  }
  return 'done';
}

function reasonIn(error: unknown): string {
  if (error instanceof DomainError) return error.reason;
  throw error;
}
