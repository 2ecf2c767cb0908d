import { XMLBuilder } from 'fast-xml-parser';

/**
 * Open311 GeoReport v2 answers (http://wiki.open311.org/GeoReport_v2) in the JSON or the XML the
 * standard shows: its field names, element names, nesting and field order, so an off-the-shelf
 * Open311 client reads this centre without knowing it.
 */
export type Open311Format = 'json' | 'xml';

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  /** Whether GET services/{service_code} has attributes to ask the citizen. */
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string[];
  group: string;
}

export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** A question a service asks beyond the standard fields, answered as `attribute[code]`. */
export interface Attribute {
  /** false: no question, only information shown to the citizen. */
  variable: boolean;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  /** The choices of a singlevaluelist or multivaluelist; empty for the other datatypes. */
  values: { key: string; name: string }[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: Attribute[];
}

export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  /** ISO 8601 with its offset, as the standard's examples write it. */
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  /** This centre keeps no address registry of its own. */
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface CreatedServiceRequest {
  service_request_id: string;
  service_notice: string;
  account_id: string | null;
}

export interface Open311Error {
  code: number;
  description: string;
}

export type Open311Document =
  | { kind: 'services'; services: Service[] }
  | { kind: 'service_definition'; definition: ServiceDefinition }
  | { kind: 'requests'; requests: ServiceRequest[] }
  | { kind: 'created'; created: CreatedServiceRequest[] }
  | { kind: 'errors'; errors: Open311Error[] };

export const OPEN311_CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Characters XML 1.0 cannot carry even escaped (control characters, lone surrogates): one would make the whole answer unreadable. */
const NOT_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text (its default) and writes a null as an empty element, like the standard's `<account_id/>`. */
const XML = new XMLBuilder({
  tagValueProcessor: (_name, value) => (typeof value === 'string' ? value.replace(NOT_XML_CHARACTERS, '') : value),
});

export function renderOpen311(format: Open311Format, document: Open311Document): { contentType: string; body: string } {
  const body = format === 'json' ? JSON.stringify(jsonOf(document)) : XML_DECLARATION + XML.build(xmlOf(document));
  return { contentType: OPEN311_CONTENT_TYPES[format], body };
}

function jsonOf(document: Open311Document): object {
  switch (document.kind) {
    case 'services':
      return document.services.map(serviceFields);
    case 'service_definition':
      return {
        service_code: document.definition.service_code,
        attributes: document.definition.attributes.map(attributeFields),
      };
    case 'requests':
      return document.requests.map(requestFields);
    case 'created':
      return document.created.map(createdFields);
    case 'errors':
      return document.errors.map(errorFields);
  }
}

/** XML names every item of a list: `<services><service>…`, where JSON has an array. */
function xmlOf(document: Open311Document): object {
  switch (document.kind) {
    case 'services':
      return { services: { service: document.services.map(serviceFields) } };
    case 'service_definition': {
      const attribute = document.definition.attributes.map((a) => ({
        ...attributeFields(a),
        values: { value: a.values.map(valueFields) },
      }));
      return { service_definition: { service_code: document.definition.service_code, attributes: { attribute } } };
    }
    case 'requests':
      return { service_requests: { request: document.requests.map(requestFields) } };
    case 'created':
      return { service_requests: { request: document.created.map(createdFields) } };
    case 'errors':
      return { errors: { error: document.errors.map(errorFields) } };
  }
}

// Each record is rebuilt field by field: the standard's order in both formats, and nothing a caller's
// object carries beyond the standard's fields ever reaches a client.

function serviceFields(s: Service) {
  return {
    service_code: s.service_code,
    service_name: s.service_name,
    description: s.description,
    metadata: s.metadata,
    type: s.type,
    keywords: s.keywords.join(', '),
    group: s.group,
  };
}

function attributeFields(a: Attribute) {
  return {
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatype_description,
    order: a.order,
    description: a.description,
    values: a.values.map(valueFields),
  };
}

function valueFields(v: { key: string; name: string }) {
  return { key: v.key, name: v.name };
}

function requestFields(r: ServiceRequest) {
  return {
    service_request_id: r.service_request_id,
    status: r.status,
    status_notes: r.status_notes,
    service_name: r.service_name,
    service_code: r.service_code,
    description: r.description,
    agency_responsible: r.agency_responsible,
    service_notice: r.service_notice,
    requested_datetime: r.requested_datetime,
    updated_datetime: r.updated_datetime,
    expected_datetime: r.expected_datetime,
    address: r.address,
    address_id: r.address_id,
    zipcode: r.zipcode,
    lat: r.lat,
    long: r.long,
    media_url: r.media_url,
  };
}

function createdFields(c: CreatedServiceRequest) {
  return { service_request_id: c.service_request_id, service_notice: c.service_notice, account_id: c.account_id };
}

function errorFields(e: Open311Error) {
  return { code: e.code, description: e.description };
}
