import type { NestExpressApplication } from '@nestjs/platform-express';
import createClient from 'openapi-fetch';
import { Http, startApi } from '../support/apps';
import { tokenFor } from '../support/auth';
import { uniquePhone } from '../support/cases';
import type { paths } from './openapi-paths.generated';

/**
 * A client generated from openapi.json as an outsider would make one (openapi-typescript's types,
 * openapi-fetch's client), on the real api over a real socket. `npm test` type-checks this file
 * against the generated types (tsc), so a document that describes `limit` as an object, or a body
 * field the api does not take, fails here before any request is sent.
 */
describe('a TypeScript client generated from openapi.json (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let client: ReturnType<typeof createClient<paths>>;

  beforeAll(async () => {
    let http: () => Http;
    ({ app, http } = await startApi());
    await app.listen(0, '127.0.0.1');
    const token = await tokenFor(http, 'agent');
    client = createClient<paths>({ baseUrl: await app.getUrl(), headers: { Authorization: `Bearer ${token}` } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('takes a call, registers its demand and finds it, all through the generated types', async () => {
    const call = await client.POST('/api/v1/calls', {
      body: { dialedNumber: '12345', callerNumber: uniquePhone(), startedAt: new Date().toISOString() },
    });
    expect(call.response.status).toBe(201);
    const callId = call.data!.id;

    const registered = await client.POST('/api/v1/cases', {
      body: {
        callId,
        channel: 'phone',
        demandType: 'help',
        categoryCode: '030401',
        urgency: 'general',
        districtCode: '110105',
        address: '朝阳区建国路88号院',
        callerPhone: call.data!.callerNumber,
        description: '没暖气',
      },
    });
    expect(registered.response.status).toBe(201);
    const caseNumber: string = registered.data!.caseNumber;

    const found = await client.GET('/api/v1/cases', { params: { query: { q: caseNumber, limit: 5, offset: 0 } } });
    expect(found.response.status).toBe(200);
    expect(found.data!.items.map((c) => c.caseNumber)).toEqual([caseNumber]);

    const read = await client.GET('/api/v1/cases/{id}', { params: { path: { id: registered.data!.id } } });
    expect(read.data).toMatchObject({ caseNumber, description: '没暖气', status: 'registered' });
    expect(read.data!.timeline.length).toBeGreaterThan(0);
  });

  it('reads a refusal in the error shape the document gives', async () => {
    const refused = await client.GET('/api/v1/cases', { params: { query: { limit: 0 } } });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'limit', reason: 'min' }] });
  });
});
