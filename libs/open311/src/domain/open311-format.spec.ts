import { XMLParser } from 'fast-xml-parser';
import { Attribute, Open311Document, renderOpen311, Service, ServiceRequest } from './open311-format';

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const service: Service = {
  service_code: '001',
  service_name: '占道经营',
  description: '商贩占用道路、人行道经营',
  metadata: true,
  type: 'realtime',
  keywords: ['占道', '摆摊'],
  group: '城市管理',
};

const place: Attribute = {
  variable: true,
  code: 'PLACE',
  datatype: 'singlevaluelist',
  required: true,
  datatype_description: null,
  order: 1,
  description: '在哪里？',
  values: [
    { key: 'road', name: '道路' },
    { key: 'sidewalk', name: '人行道' },
  ],
};
const note: Attribute = {
  variable: false,
  code: 'NOTE',
  datatype: 'text',
  required: false,
  datatype_description: '请勿填写个人信息',
  order: 2,
  description: '提示',
  values: [],
};

const request: ServiceRequest = {
  service_request_id: 'BJ2026112800012',
  status: 'open',
  status_notes: null,
  service_name: '占道经营',
  service_code: '001',
  description: '路口有人摆摊',
  agency_responsible: '东城区城管执法局',
  service_notice: null,
  requested_datetime: '2026-11-28T09:30:00+08:00',
  updated_datetime: '2026-11-28T10:00:00+08:00',
  expected_datetime: null,
  address: '东城区东华门大街',
  address_id: null,
  zipcode: null,
  lat: 39.9127,
  long: 116.4005,
  media_url: null,
};

const json = (document: Open311Document): unknown => JSON.parse(renderOpen311('json', document).body);
const xml = (document: Open311Document) => renderOpen311('xml', document).body;

/** Parses without guessing types (001 stays 001), each list item an array even when alone. */
const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: (name) => ['service', 'attribute', 'value', 'request', 'error'].includes(name),
});
/** What the XML's text should read for each value of a JSON record. */
const asXmlText = (record: object) =>
  Object.fromEntries(
    (Object.entries(record) as [string, string | number | boolean | null][]).map(([k, v]) => [
      k,
      v === null ? '' : String(v),
    ]),
  );

describe('Open311 services', () => {
  const document: Open311Document = { kind: 'services', services: [service] };

  it('lists them as a JSON array, keywords as one comma-separated string', () => {
    expect(json(document)).toEqual([{ ...service, keywords: '占道, 摆摊' }]);
  });

  it('lists them as <service> elements of <services>', () => {
    expect(xml(document)).toBe(
      `${DECLARATION}<services><service><service_code>001</service_code><service_name>占道经营</service_name>` +
        '<description>商贩占用道路、人行道经营</description><metadata>true</metadata><type>realtime</type>' +
        '<keywords>占道, 摆摊</keywords><group>城市管理</group></service></services>',
    );
  });

  it('answers an empty list as an empty list', () => {
    expect(json({ kind: 'services', services: [] })).toEqual([]);
    expect(xml({ kind: 'services', services: [] })).toBe(`${DECLARATION}<services></services>`);
  });

  it('passes on only the standard’s fields, in its order', () => {
    const { group, ...rest } = service;
    const withMore = { group, internalNote: '仅内部', ...rest } as Service;
    const [first] = json({ kind: 'services', services: [withMore] }) as object[];
    expect(Object.keys(first)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(xml({ kind: 'services', services: [withMore] })).toBe(xml(document));
  });
});

describe('an Open311 service definition', () => {
  const document: Open311Document = {
    kind: 'service_definition',
    definition: { service_code: '001', attributes: [place, note] },
  };

  it('is a JSON object holding the attributes and their values', () => {
    expect(json(document)).toEqual({ service_code: '001', attributes: [place, note] });
  });

  it('nests <attribute> in <attributes> and <value> in <values>, a null as an empty element', () => {
    expect(xml(document)).toBe(
      `${DECLARATION}<service_definition><service_code>001</service_code><attributes>` +
        '<attribute><variable>true</variable><code>PLACE</code><datatype>singlevaluelist</datatype>' +
        '<required>true</required><datatype_description/><order>1</order><description>在哪里？</description>' +
        '<values><value><key>road</key><name>道路</name></value><value><key>sidewalk</key><name>人行道</name></value>' +
        '</values></attribute>' +
        '<attribute><variable>false</variable><code>NOTE</code><datatype>text</datatype><required>false</required>' +
        '<datatype_description>请勿填写个人信息</datatype_description><order>2</order><description>提示</description>' +
        '<values></values></attribute>' +
        '</attributes></service_definition>',
    );
  });

  it('parses back from XML with the same values', () => {
    const parsed = parser.parse(xml(document));
    expect(parsed.service_definition.service_code).toBe('001');
    expect(parsed.service_definition.attributes.attribute[0]).toEqual({
      ...asXmlText({ ...place, values: null }),
      values: { value: place.values },
    });
    expect(parsed.service_definition.attributes.attribute[1]).toEqual(asXmlText({ ...note, values: null }));
  });
});

describe('Open311 service requests', () => {
  const document: Open311Document = { kind: 'requests', requests: [request] };

  it('lists them as a JSON array with nulls', () => {
    expect(json(document)).toEqual([request]);
  });

  it('lists them as <request> elements of <service_requests>, nulls as empty elements', () => {
    expect(xml(document)).toBe(
      `${DECLARATION}<service_requests><request><service_request_id>BJ2026112800012</service_request_id>` +
        '<status>open</status><status_notes/><service_name>占道经营</service_name><service_code>001</service_code>' +
        '<description>路口有人摆摊</description><agency_responsible>东城区城管执法局</agency_responsible>' +
        '<service_notice/><requested_datetime>2026-11-28T09:30:00+08:00</requested_datetime>' +
        '<updated_datetime>2026-11-28T10:00:00+08:00</updated_datetime><expected_datetime/>' +
        '<address>东城区东华门大街</address><address_id/><zipcode/><lat>39.9127</lat><long>116.4005</long>' +
        '<media_url/></request></service_requests>',
    );
  });

  it('parses back from XML with the same values as the JSON', () => {
    const closed: ServiceRequest = { ...request, service_request_id: '2', status: 'closed', lat: null, long: null };
    const both: Open311Document = { kind: 'requests', requests: [request, closed] };
    const fromXml = parser.parse(xml(both)).service_requests.request;
    expect(fromXml).toEqual((json(both) as ServiceRequest[]).map(asXmlText));
    expect(fromXml[0].lat).toBe('39.9127');
  });
});

describe('Open311 created requests', () => {
  const created = [{ service_request_id: 'BJ2026112800012', service_notice: '2小时内受理', account_id: null }];
  const document: Open311Document = { kind: 'created', created };

  it('answers a JSON array', () => {
    expect(json(document)).toEqual(created);
  });

  it('answers <service_requests><request>, with an empty <account_id/>', () => {
    expect(xml(document)).toBe(
      `${DECLARATION}<service_requests><request><service_request_id>BJ2026112800012</service_request_id>` +
        '<service_notice>2小时内受理</service_notice><account_id/></request></service_requests>',
    );
    expect(parser.parse(xml(document)).service_requests.request).toEqual(created.map(asXmlText));
  });
});

describe('Open311 errors', () => {
  const errors = [
    { code: 400, description: 'service_code is required' },
    { code: 400, description: 'lat and long go together' },
  ];
  const document: Open311Document = { kind: 'errors', errors };

  it('are a JSON array of code and description', () => {
    expect(json(document)).toEqual(errors);
  });

  it('are <error> elements of <errors>', () => {
    expect(xml(document)).toBe(
      `${DECLARATION}<errors><error><code>400</code><description>service_code is required</description></error>` +
        '<error><code>400</code><description>lat and long go together</description></error></errors>',
    );
    expect(parser.parse(xml(document)).errors.error).toEqual(errors.map(asXmlText));
  });
});

describe('text in Open311 answers', () => {
  const tricky = { ...request, description: '<b>& "引号" \'单\'</b>', status_notes: 'a]]>b' };
  const document: Open311Document = { kind: 'requests', requests: [tricky] };

  it('is escaped in XML, and reads back as written', () => {
    const body = xml(document);
    expect(body).toContain('<description>&lt;b&gt;&amp; &quot;引号&quot; &apos;单&apos;&lt;/b&gt;</description>');
    expect(body).toContain('<status_notes>a]]&gt;b</status_notes>');
    expect(body).not.toContain('<b>');
    expect(parser.parse(body).service_requests.request[0].description).toBe(tricky.description);
  });

  it('is escaped in JSON by JSON itself', () => {
    expect(json(document)).toEqual([tricky]);
  });

  it('loses in XML only the characters XML cannot carry at all', () => {
    const body = xml({ kind: 'requests', requests: [{ ...request, description: 'a\u0000b\u001bc\ud800d😀\te' }] });
    expect(parser.parse(body).service_requests.request[0].description).toBe('abcd😀\te');
    expect(json({ kind: 'requests', requests: [{ ...request, description: 'a\u0000b' }] })).toEqual([
      { ...request, description: 'a\u0000b' },
    ]);
  });
});

describe('Open311 content types', () => {
  it('are JSON or XML in UTF-8', () => {
    const errors: Open311Document = { kind: 'errors', errors: [] };
    expect(renderOpen311('json', errors).contentType).toBe('application/json; charset=utf-8');
    expect(renderOpen311('xml', errors).contentType).toBe('text/xml; charset=utf-8');
  });
});
