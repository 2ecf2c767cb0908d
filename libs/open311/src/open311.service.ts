import { Injectable } from '@nestjs/common';
import { CaseQueriesService } from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { ReferenceDataService, type ReferenceSnapshot } from '@hotline/directory';
import { OnlineIntakeService, type OnlineSubmissionEntity } from '@hotline/online-intake';
import {
  type CaseFacts,
  districtOfPoint,
  type NewServiceRequest,
  parseServiceRequest,
  type Service,
  type ServiceRequest,
  toServiceRequest,
} from './domain';
import { Open311ClientsService } from './open311-clients.service';

/** Which requests a client lists (GET requests): by ids, or by service, status and dates. */
export interface RequestsQuery {
  ids?: string[];
  serviceCode?: string;
  status?: 'open' | 'closed';
  since?: Date;
  until?: Date;
  limit: number;
}

/** The notice a filer gets: what happens next, in the centre's words. */
const SERVICE_NOTICE = '已收到您的诉求，工作人员将在两小时内受理';

/**
 * Open311 GeoReport v2 (docs/api.md, "Open311 GeoReport v2"): the leaf categories as services;
 * requests from registered client applications enter the online intake queue like the centre's own
 * web form, and are followed through the case an agent registers from them.
 */
@Injectable()
export class Open311Service {
  constructor(
    private readonly reference: ReferenceDataService,
    private readonly clients: Open311ClientsService,
    private readonly intake: OnlineIntakeService,
    private readonly cases: CaseQueriesService,
  ) {}

  async services(): Promise<Service[]> {
    const snapshot = await this.reference.snapshot();
    return [...snapshot.categories.values()]
      .filter((c) => c.level === 3 && c.active)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => serviceOf(c.code, snapshot));
  }

  async serviceDefinition(code: string): Promise<{ service_code: string; attributes: [] }> {
    const category = (await this.reference.snapshot()).categories.get(code);
    if (category?.level !== 3 || !category.active) throw new DomainError('open311.not_found', `No service ${code}`);
    // No service asks for more than the request's own fields: an empty attribute list, as the standard allows.
    return { service_code: code, attributes: [] };
  }

  /** A request from a client application: checked, placed, and queued for an agent. */
  async file(
    form: Record<string, unknown>,
  ): Promise<{ service_request_id: string; service_notice: string; account_id: null }[]> {
    const parsed = parseServiceRequest(form);
    const client = await this.clients.verify(typeof form.api_key === 'string' ? form.api_key : null);
    if (!parsed.ok) {
      throw DomainError.validation(
        parsed.errors.map((e) => ({ field: e.field, message: e.description, reason: 'invalid' })),
      );
    }
    const request = parsed.value;
    const snapshot = await this.reference.snapshot();
    const category = snapshot.categories.get(request.serviceCode);
    if (category?.level !== 3 || !category.active) {
      throw DomainError.invalidField('service_code', `service_code ${request.serviceCode} is not a service`, 'unknown');
    }
    const place = placeOf(request, snapshot);
    const submission = await this.intake.submit({
      channel: 'open311',
      clientName: client.name,
      categoryCode: request.serviceCode,
      description: request.description,
      districtCode: place.districtCode,
      streetCode: place.streetCode,
      address: request.addressString,
      lat: request.lat,
      long: request.long,
      name: request.name,
      phone: request.phone,
      mediaUrl: request.mediaUrl,
    });
    return [{ service_request_id: submission.id, service_notice: SERVICE_NOTICE, account_id: null }];
  }

  async request(id: string): Promise<ServiceRequest[]> {
    const [found] = await this.requests({ ids: [id], limit: 1 });
    if (!found) throw new DomainError('open311.not_found', `No service request ${id}`);
    return [found];
  }

  async requests(query: RequestsQuery): Promise<ServiceRequest[]> {
    // Only what Open311 clients filed: the centre's own forms' submissions are not published here.
    const submissions = query.ids
      ? await this.intake.findMany(query.ids, 'open311')
      : (
          await this.intake.list(
            { channel: 'open311', since: query.since, until: query.until },
            { limit: 1000, offset: 0 },
          )
        ).items;
    const views = await this.viewsOf(submissions);
    return views
      .filter((r) => !query.serviceCode || r.service_code === query.serviceCode)
      .filter((r) => !query.status || r.status === query.status)
      .slice(0, query.limit);
  }

  private async viewsOf(submissions: OnlineSubmissionEntity[]): Promise<ServiceRequest[]> {
    const snapshot = await this.reference.snapshot();
    const caseIds = submissions.flatMap((s) => (s.caseId ? [s.caseId] : []));
    const caseOf = new Map((await this.cases.byIds(caseIds)).map((c) => [c.id, c]));
    return submissions.map((s) => {
      const c = s.caseId ? caseOf.get(s.caseId) : undefined;
      const facts: CaseFacts | null = c
        ? {
            caseNumber: c.caseNumber,
            status: c.status,
            categoryCode: c.categoryCode,
            leadUnitName: c.leadUnitCode ? (snapshot.units.get(c.leadUnitCode)?.name ?? null) : null,
            resolutionReply: c.resolutionReply,
            updatedAt: c.updatedAt,
          }
        : null;
      return toServiceRequest(s, facts, (code) => snapshot.categories.get(code)?.name ?? code);
    });
  }
}

function serviceOf(code: string, snapshot: ReferenceSnapshot): Service {
  const category = snapshot.categories.get(code)!;
  const parent = category.parentCode ? snapshot.categories.get(category.parentCode) : undefined;
  const top = parent?.parentCode ? snapshot.categories.get(parent.parentCode) : undefined;
  return {
    service_code: code,
    service_name: category.name,
    description: [top?.name, parent?.name, category.name].filter(Boolean).join(' › '),
    metadata: false,
    type: 'realtime',
    keywords: [category.name, ...(parent ? [parent.name] : [])],
    group: top?.name ?? parent?.name ?? category.name,
  };
}

/**
 * The district and street of a request: the extension fields when they name this centre's units,
 * else the district the coordinates fall in (district-of-point: nearest district seat), else none —
 * the accepting agent places it then.
 */
function placeOf(
  request: NewServiceRequest,
  snapshot: ReferenceSnapshot,
): { districtCode: string | null; streetCode: string | null } {
  const district = request.districtCode ? snapshot.units.get(request.districtCode) : undefined;
  if (request.districtCode && district?.kind !== 'district') {
    throw DomainError.invalidField(
      'district_code',
      `district_code ${request.districtCode} is not a district`,
      'unknown',
    );
  }
  const street = request.streetCode ? snapshot.units.get(request.streetCode) : undefined;
  if (request.streetCode && (street?.kind !== 'street' || (district && street.parentCode !== district.code))) {
    throw DomainError.invalidField(
      'street_code',
      `street_code ${request.streetCode} is not a street of the district`,
      'unknown',
    );
  }
  const districtCode =
    district?.code ??
    street?.parentCode ??
    (request.lat !== null && request.long !== null ? districtOfPoint(request.lat, request.long) : null);
  return { districtCode, streetCode: street?.code ?? null };
}
