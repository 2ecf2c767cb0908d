import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import jestOpenAPI from 'jest-openapi';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Http, startApi } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { as, uniquePhone } from '../support/cases';

// The staff side is checked against the committed openapi.json; the Open311 side against the standard.
jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type ServiceRequest = { service_request_id: string; status: string; status_notes: string | null } & Record<
  string,
  unknown
>;

/**
 * Open311 GeoReport v2 (docs/api.md, "Open311 GeoReport v2") as a client application uses it, and the
 * online intake queue its requests enter (docs/api.md, "Online intake"): services in JSON and XML, a
 * form-encoded request with the client's key, its status moving from open to closed as an agent
 * accepts it and a unit resolves the case, the standard's errors. The real api on PostgreSQL.
 */
describe('Open311 GeoReport v2 and the online intake queue (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let admin: ReturnType<typeof as>;
  let agent: ReturnType<typeof as>;
  let water: ReturnType<typeof as>;
  let apiKey: string;
  let clientId: string;
  const xml = new XMLParser({ parseTagValue: false });

  const file = (form: Record<string, string>) => http().post('/open311/v2/requests.json').type('form').send(form);
  const requestOf = async (id: string): Promise<ServiceRequest> => {
    const res = await http().get(`/open311/v2/requests/${id}.json`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return (res.body as ServiceRequest[])[0];
  };

  beforeAll(async () => {
    ({ app, http } = await startApi());
    admin = as(http, await adminToken(http));
    agent = as(http, await tokenFor(http, 'agent'));
    water = as(http, await tokenFor(http, 'handler', 'UTIL-WATER'));
    const issued = await admin.post('/open311/clients', { name: `FixMyStreet ${uniquePhone()}` }).expect(201);
    expect(issued).toSatisfyApiSpec();
    ({ apiKey, id: clientId } = issued.body);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the leaf categories as services, in JSON and in XML', async () => {
    const json = await http().get('/open311/v2/services.json').expect(200);
    const cut = (json.body as Record<string, unknown>[]).find((s) => s.service_code === '030101');
    expect(cut).toMatchObject({
      service_name: expect.any(String),
      metadata: false,
      type: 'realtime',
      group: '公用事业',
    });

    const asXml = await http().get('/open311/v2/services.xml').expect(200);
    expect(asXml.headers['content-type']).toMatch(/^text\/xml/);
    const services = xml.parse(asXml.text).services.service as Record<string, string>[];
    expect(services.map((s) => s.service_code)).toEqual(
      (json.body as { service_code: string }[]).map((s) => s.service_code),
    );

    const definition = await http().get('/open311/v2/services/030101.json').expect(200);
    expect(definition.body).toEqual({ service_code: '030101', attributes: [] });
    const unknown = await http().get('/open311/v2/services/999999.json').expect(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining('999999') }]);
    const unknownXml = await http().get('/open311/v2/services/999999.xml').expect(404);
    expect(xml.parse(unknownXml.text).errors.error.code).toBe('404');
  });

  it('refuses a bad api_key with 401 and a bad request with 400, in the standard’s error shape', async () => {
    const request = { service_code: '030101', lat: '39.921', long: '116.443', description: '停水了' };
    const noKey = await file(request).expect(401);
    expect(noKey.body).toEqual([{ code: 401, description: expect.stringContaining('api_key') }]);
    await file({ ...request, api_key: 'not-a-key' }).expect(401);
    const unknownService = await file({ ...request, api_key: apiKey, service_code: '0301' }).expect(400);
    expect(unknownService.body).toEqual([{ code: 400, description: expect.stringContaining('service_code') }]);
    const { lat: _lat, long: _long, ...nowhere } = request;
    const placeless = await file({ ...nowhere, api_key: apiKey }).expect(400);
    expect(placeless.body[0].code).toBe(400);
    const asXml = await http()
      .post('/open311/v2/requests.xml')
      .type('form')
      .send({ ...request, api_key: apiKey, service_code: '' })
      .expect(400);
    expect(xml.parse(asXml.text).errors.error.code).toBe('400');
  });

  it('files a request into the queue and follows it from open to closed through its case', async () => {
    const phone = uniquePhone();
    const filed = await file({
      api_key: apiKey,
      service_code: '030101',
      lat: '39.921',
      long: '116.443',
      address_string: '朝阳区建国路88号院',
      description: '整栋楼停水了，一直没来',
      phone,
      first_name: '王女士',
    }).expect(201);
    const [{ service_request_id: id, service_notice }] = filed.body as {
      service_request_id: string;
      service_notice: string;
    }[];
    expect(service_notice).toContain('两小时');
    expect(await requestOf(id)).toMatchObject({ status: 'open', service_code: '030101', agency_responsible: null });

    // The agents' queue: placed by its coordinates (朝阳区), due within two hours.
    const queue = await agent.get('/online-submissions?status=waiting&limit=1000').expect(200);
    expect(queue).toSatisfyApiSpec();
    const waiting = (queue.body.items as Record<string, unknown>[]).find((s) => s.id === id);
    expect(waiting).toMatchObject({
      channel: 'open311',
      districtCode: '110105',
      phone,
      dueBand: 'in_time',
      status: 'waiting',
    });
    expect((await agent.get('/kpi/live').expect(200)).body.onlineIntake.waiting).toBeGreaterThanOrEqual(1);

    const accepted = await agent
      .post(`/online-submissions/${id}/accept`, {
        demandType: 'help',
        categoryCode: '030101',
        urgency: 'general',
        districtCode: '110105',
      })
      .expect(201);
    expect(accepted).toSatisfyApiSpec();
    expect(accepted.body).toMatchObject({ status: 'accepted', dueBand: null, caseId: expect.any(String) });
    const twice = await agent
      .post(`/online-submissions/${id}/accept`, {
        demandType: 'help',
        categoryCode: '030101',
        urgency: 'general',
        districtCode: '110105',
      })
      .expect(409);
    expect(twice.body.reason).toBe('submission.already_decided');
    const caseId = accepted.body.caseId as string;
    const registered = (await agent.get(`/cases/${caseId}`).expect(200)).body;
    expect(registered).toMatchObject({ channel: 'web', callerPhone: phone, description: '整栋楼停水了，一直没来' });
    expect((await requestOf(id)).status_notes).toContain(registered.caseNumber);

    await agent.post(`/cases/${caseId}/dispatch`, { leadUnitCode: 'UTIL-WATER' }).expect(201);
    expect(await requestOf(id)).toMatchObject({ status: 'open', agency_responsible: '北京市自来水集团' });
    await water.post(`/cases/${caseId}/sign`).expect(201);
    await water.post(`/cases/${caseId}/respond`, { note: '已联系市民' }).expect(201);
    await water.post(`/cases/${caseId}/resolve`, { outcome: 'solved', reply: '管道已抢修，已恢复供水' }).expect(201);

    const closed = await requestOf(id);
    expect(closed).toMatchObject({ status: 'closed', status_notes: '管道已抢修，已恢复供水' });
    expect(JSON.stringify(closed)).not.toContain(phone);
    const listed = await http().get(`/open311/v2/requests.xml?service_request_id=${id}`).expect(200);
    expect(xml.parse(listed.text).service_requests.request).toMatchObject({ service_request_id: id, status: 'closed' });
    const byStatus = await http().get('/open311/v2/requests.json?status=closed&service_code=030101').expect(200);
    expect((byStatus.body as ServiceRequest[]).map((r) => r.service_request_id)).toContain(id);
  });

  it('closes a request an agent answers without a case, and stops a revoked client', async () => {
    const filed = await file({
      api_key: apiKey,
      service_code: '030101',
      address_string: '西城区',
      description: '停水通知在哪看',
    });
    const [{ service_request_id: id }] = filed.body as { service_request_id: string }[];
    const answered = await agent.post(`/online-submissions/${id}/answer`, { reply: '请关注自来水集团公告或拨打96116' });
    expect(answered.status).toBe(201);
    expect(await requestOf(id)).toMatchObject({ status: 'closed', status_notes: '请关注自来水集团公告或拨打96116' });

    await admin.post(`/open311/clients/${clientId}/revoke`).expect(201);
    await file({ api_key: apiKey, service_code: '030101', address_string: '西城区', description: '停水了' }).expect(
      401,
    );
  });
});
