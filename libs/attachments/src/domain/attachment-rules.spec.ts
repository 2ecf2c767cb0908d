import { checkUpload, isImage, MAX_ATTACHMENT_BYTES } from './attachment-rules';

describe('checkUpload', () => {
  it('takes what the bytes are, within its size', () => {
    expect(checkUpload('image/jpeg', 'image/jpeg', 1000)).toEqual({ type: 'image/jpeg' });
    expect(checkUpload('video/mp4', 'application/octet-stream', 40 * 1024 * 1024)).toEqual({ type: 'video/mp4' });
    expect(checkUpload('application/pdf', undefined, 10)).toEqual({ type: 'application/pdf' });
  });

  it('refuses bytes of another type, a renamed file and a too large one, naming the file', () => {
    expect(checkUpload(undefined, 'image/jpeg', 10)).toMatchObject({ field: 'file', reason: 'unsupported_type' });
    expect(checkUpload('application/x-msdownload', 'image/jpeg', 10)).toMatchObject({ reason: 'unsupported_type' });
    expect(checkUpload('toString', undefined, 10)).toMatchObject({ reason: 'unsupported_type' });
    expect(checkUpload('application/pdf', 'image/jpeg', 10)).toMatchObject({ reason: 'type_mismatch' });
    expect(checkUpload('image/png', 'image/png', 10 * 1024 * 1024 + 1)).toMatchObject({ reason: 'too_large' });
  });

  it('re-encodes images only; lets through at most the largest limit', () => {
    expect(isImage('image/webp')).toBe(true);
    expect(isImage('video/mp4')).toBe(false);
    expect(MAX_ATTACHMENT_BYTES).toBe(50 * 1024 * 1024);
  });
});
