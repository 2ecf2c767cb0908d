import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import sharp from 'sharp';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Http, startApi } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

const SECRET_PLACE = 'Chaoyang Jianguo Road 88, flat 1203';

/** A photo as phones take them: with EXIF saying where and by what it was taken. */
function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: SECRET_PLACE, Make: 'PhoneMaker', Model: 'X1' } })
    .toBuffer();
}

/**
 * Files on cases (docs/api.md, "Attachments") on the real api and PostgreSQL: typed by their bytes,
 * images stripped of their metadata, one copy per content, read only by those who may see the case.
 */
describe('case attachments (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let agentToken: string;
  let streetToken: string;
  let otherStreetToken: string;
  let caseId: string;

  const upload = (token: string, id: string, bytes: Buffer, name: string, contentType: string) =>
    http()
      .post(`/api/v1/cases/${id}/attachments`)
      .auth(token, { type: 'bearer' })
      .attach('file', bytes, { filename: name, contentType });
  const download = (token: string, url: string) =>
    http()
      .get(url)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    ({ app, http } = await startApi());
    agentToken = await tokenFor(http, 'agent');
    streetToken = await tokenFor(http, 'handler', '110105001');
    otherStreetToken = await tokenFor(http, 'handler', '110108001');
    const agent = as(http, agentToken);
    caseId = (await agent.post('/cases', caseBody()).expect(201)).body.id;
    await agent.post(`/cases/${caseId}/dispatch`, { leadUnitCode: '110105001' }).expect(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores a photo without its EXIF, once per content, readable by the case’s unit', async () => {
    const photo = await photoWithExif();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const first = await upload(agentToken, caseId, photo, '现场照片.jpg', 'image/jpeg').expect(201);
    expect(first).toSatisfyApiSpec();
    expect(first.body).toMatchObject({
      caseId,
      mimeType: 'image/jpeg',
      fileName: '现场照片.jpg',
      uploadedByUnit: null,
    });

    const stored = await download(streetToken, first.body.url).expect(200);
    expect(stored.headers['content-type']).toBe('image/jpeg');
    expect(stored.headers['x-content-type-options']).toBe('nosniff');
    expect(stored.headers['content-disposition']).toMatch(/^attachment;/);
    const bytes = stored.body as Buffer;
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 32, height: 24 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from(SECRET_PLACE))).toBe(false);
    expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);

    const again = await upload(streetToken, caseId, photo, 'same.jpg', 'image/jpeg').expect(201);
    expect(again.body.id).toBe(first.body.id);
    const listed = await as(http, streetToken).get(`/cases/${caseId}/attachments`).expect(200);
    expect(listed).toSatisfyApiSpec();
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([first.body.id]);
  });

  it('keeps a PDF as sent and refuses what lies about its type, naming the file', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const report = await upload(streetToken, caseId, pdf, '处理报告.pdf', 'application/pdf').expect(201);
    expect(report.body).toMatchObject({ mimeType: 'application/pdf', size: pdf.length, uploadedByUnit: '110105001' });
    expect((await download(agentToken, report.body.url).expect(200)).body).toEqual(pdf);

    const renamed = await upload(agentToken, caseId, Buffer.from('MZ this is a program'), 'photo.jpg', 'image/jpeg');
    expect(renamed.status).toBe(400);
    expect(renamed).toSatisfyApiSpec();
    expect(renamed.body.errors).toEqual([expect.objectContaining({ field: 'file', reason: 'unsupported_type' })]);
    const mislabelled = await upload(agentToken, caseId, pdf, 'photo.png', 'image/png').expect(400);
    expect(mislabelled.body.errors).toEqual([expect.objectContaining({ field: 'file', reason: 'type_mismatch' })]);
    const fakeJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
    const unreadable = await upload(agentToken, caseId, fakeJpeg, 'broken.jpg', 'image/jpeg').expect(400);
    expect(unreadable.body.errors).toEqual([expect.objectContaining({ field: 'file', reason: 'unreadable' })]);
    const none = await http()
      .post(`/api/v1/cases/${caseId}/attachments`)
      .auth(agentToken, { type: 'bearer' })
      .field('note', 'no file')
      .expect(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'file', reason: 'required' })]);
  });

  it('replays a retried upload under its Idempotency-Key, and refuses the key for another file', async () => {
    const photo = await photoWithExif();
    const key = `upload-${caseId}`;
    const keyed = (bytes: Buffer) =>
      upload(agentToken, caseId, bytes, 'retry.jpg', 'image/jpeg').set('Idempotency-Key', key);
    const first = await keyed(photo).expect(201);
    const retried = await keyed(photo).expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(first.body);
    const other = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    const reused = await upload(agentToken, caseId, other, 'other.png', 'image/png').set('Idempotency-Key', key);
    expect(reused.status).toBe(422);
    expect(reused.body.reason).toBe('idempotency.key_reused');
  });

  it('shows another unit nothing: not the list, not the bytes, no upload', async () => {
    const photo = await photoWithExif();
    const mine = (await upload(agentToken, caseId, photo, 'p.jpg', 'image/jpeg').expect(201)).body;
    await as(http, otherStreetToken).get(`/cases/${caseId}/attachments`).expect(404);
    const refused = await download(otherStreetToken, mine.url).expect(404);
    expect(JSON.parse((refused.body as Buffer).toString()).reason).toBe('attachment.not_found');
    await upload(otherStreetToken, caseId, photo, 'p.jpg', 'image/jpeg').expect(404);
    await download(agentToken, '/api/v1/attachments/00000000-0000-4000-8000-000000000000/content').expect(404);
  });
});
