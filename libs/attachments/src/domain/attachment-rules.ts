import type { FieldError } from '@hotline/core';

const MB = 1024 * 1024;

/**
 * What may be attached to a case (docs/decisions.md, "Attachments"), as data: the type read from the
 * bytes, never from the name or the client's word, and its size limit. Images are re-encoded without
 * their metadata (an EXIF location says where a citizen lives); videos and PDFs are kept as sent.
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': { kind: 'image', maxBytes: 10 * MB },
  'image/png': { kind: 'image', maxBytes: 10 * MB },
  'image/webp': { kind: 'image', maxBytes: 10 * MB },
  'video/mp4': { kind: 'video', maxBytes: 50 * MB },
  'application/pdf': { kind: 'document', maxBytes: 10 * MB },
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** The largest upload of any type: what the HTTP layer lets through before the bytes are read. */
export const MAX_ATTACHMENT_BYTES = Math.max(...Object.values(ATTACHMENT_TYPES).map((t) => t.maxBytes));

/** A citizen's submission takes this many files (photos, a video): enough to show the problem. */
export const MAX_SUBMISSION_FILES = 9;

export function isImage(type: AttachmentType): boolean {
  return ATTACHMENT_TYPES[type].kind === 'image';
}

/**
 * The type an upload is taken as, or why it is refused: `unsupported_type` (the bytes are none of
 * ours), `type_mismatch` (they are, but not what the client said: a renamed file), `too_large`.
 */
export function checkUpload(
  detected: string | undefined,
  declared: string | undefined,
  size: number,
): { type: AttachmentType } | FieldError {
  if (!detected || !Object.hasOwn(ATTACHMENT_TYPES, detected)) {
    const allowed = Object.keys(ATTACHMENT_TYPES).join(', ');
    return { field: 'file', message: `must be one of ${allowed} (read from its bytes)`, reason: 'unsupported_type' };
  }
  const type = detected as AttachmentType;
  if (declared && declared !== 'application/octet-stream' && declared !== type) {
    return { field: 'file', message: `is ${type}, not the ${declared} it was sent as`, reason: 'type_mismatch' };
  }
  const { maxBytes } = ATTACHMENT_TYPES[type];
  if (size > maxBytes)
    return { field: 'file', message: `must be at most ${maxBytes / MB} MB for ${type}`, reason: 'too_large' };
  return { type };
}
