import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { CatalogueDryRunService } from '@hotline/dispatch';
import {
  type ChangeTerms,
  fieldsToChange,
  type ReferenceChangeRequest,
  ReferenceUpkeepService,
  SlaPolicyService,
} from '@hotline/directory';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import {
  CategoryPatchDto,
  ChangeTermsDto,
  DispatchDryRunDto,
  DispatchRuleOrderDto,
  DispatchRulePatchDto,
  DryRunDto,
  HotlinePatchDto,
  NewCategoryDto,
  NewUnitDto,
  ReferenceChangeDto,
  ReferenceChangePageDto,
  ReferenceChangeQueryDto,
  SlaPolicyChangeDto,
  UnitPatchDto,
} from './dto/reference-upkeep.dto';

/**
 * Reference-data upkeep (docs/api.md, "Reference data upkeep"): every change answers its record — applied
 * at once with the row's new version, or scheduled for its `effectiveFrom`.
 */
@ApiTags('reference data')
@Controller()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'Every bad field named; `body`/`empty`: nothing to change',
})
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such hotline, unit, category, rule or change' })
export class ReferenceUpkeepController {
  constructor(
    private readonly upkeep: ReferenceUpkeepService,
    private readonly policy: SlaPolicyService,
    private readonly dryRuns: CatalogueDryRunService,
  ) {}

  @Patch('hotlines/:code')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a hotline: number, name, merge mode, in use or not' })
  @ApiOkResponse({ type: ReferenceChangeDto })
  hotline(@Param('code') code: string, @Body() body: HotlinePatchDto, @CurrentPrincipal() admin: Principal) {
    return this.update('hotline', code, body, admin);
  }

  @Post('units')
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Add a unit (a street under its district, a community under its street …)' })
  @ApiCreatedResponse({ type: ReferenceChangeDto })
  addUnit(@Body() body: NewUnitDto, @CurrentPrincipal() admin: Principal) {
    const { code, reason, effectiveFrom, ...fields } = body;
    return this.request({ entity: 'unit', entityKey: code, op: 'create', fields }, { reason, effectiveFrom }, admin);
  }

  @Patch('units/:code')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, move (another parent) or deactivate a unit' })
  @ApiOkResponse({ type: ReferenceChangeDto })
  unit(@Param('code') code: string, @Body() body: UnitPatchDto, @CurrentPrincipal() admin: Principal) {
    return this.update('unit', code, body, admin);
  }

  @Post('categories')
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Add a category under a parent (or at the top level)' })
  @ApiCreatedResponse({ type: ReferenceChangeDto })
  addCategory(@Body() body: NewCategoryDto, @CurrentPrincipal() admin: Principal) {
    const { code, reason, effectiveFrom, ...fields } = body;
    return this.request(
      { entity: 'category', entityKey: code, op: 'create', fields },
      { reason, effectiveFrom },
      admin,
    );
  }

  @Patch('categories/:code')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, move (same level) or deactivate a category' })
  @ApiOkResponse({ type: ReferenceChangeDto })
  category(@Param('code') code: string, @Body() body: CategoryPatchDto, @CurrentPrincipal() admin: Principal) {
    return this.update('category', code, body, admin);
  }

  @Patch('dispatch-rules/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit or disable (active: false) a dispatch rule' })
  @ApiOkResponse({ type: ReferenceChangeDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Name taken' })
  rule(@UuidParam('id') id: string, @Body() body: DispatchRulePatchDto, @CurrentPrincipal() admin: Principal) {
    return this.update('dispatch_rule', id, body, admin);
  }

  @Post('dispatch-rules/order')
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Reorder the catalogue: the rules listed get priorities 10, 20, 30 … in that order' })
  @ApiCreatedResponse({ type: [ReferenceChangeDto], description: 'One change per rule' })
  reorder(@Body() body: DispatchRuleOrderDto, @CurrentPrincipal() admin: Principal): Promise<ReferenceChangeDto[]> {
    const requests = body.ids.map((id, i): ReferenceChangeRequest => ({
      entity: 'dispatch_rule',
      entityKey: id,
      op: 'update',
      fields: { priority: (i + 1) * 10 },
    }));
    return this.upkeep.requestAll(requests, termsOf(body), admin);
  }

  @Post('dispatch-rules/dry-run')
  @HttpCode(200)
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'Dry run: with this rule changed (or added), which of the last N dispatched cases would change unit?',
  })
  @ApiOkResponse({ type: DryRunDto })
  dryRun(@Body() body: DispatchDryRunDto): Promise<DryRunDto> {
    return this.dryRuns.run(body.ruleId, fieldsToChange({ ...body.rule }), body.lastN ?? 1000);
  }

  @Post('sla-policy/changes')
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Replace the SLA policy whole, at once or from `effectiveFrom`' })
  @ApiCreatedResponse({ type: ReferenceChangeDto })
  policyChange(@Body() body: SlaPolicyChangeDto, @CurrentPrincipal() admin: Principal): Promise<ReferenceChangeDto> {
    return this.policy.change(body.items, termsOf(body), admin);
  }

  @Get('reference-changes')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'The history of reference data: changes, newest first, by entity and key' })
  @ApiOkResponse({ type: ReferenceChangePageDto })
  history(@Query() query: ReferenceChangeQueryDto): Promise<ReferenceChangePageDto> {
    const { key, ...filter } = query;
    return this.upkeep.history({ ...filter, entityKey: key });
  }

  @Post('reference-changes/:id/cancel')
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Cancel a scheduled change before its time' })
  @ApiCreatedResponse({ type: ReferenceChangeDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not scheduled (applied, failed or cancelled)' })
  cancel(@UuidParam('id') id: string, @CurrentPrincipal() admin: Principal): Promise<ReferenceChangeDto> {
    return this.upkeep.cancel(id, admin);
  }

  private update(entity: ReferenceChangeRequest['entity'], key: string, body: ChangeTermsDto, admin: Principal) {
    const { reason: _reason, effectiveFrom: _from, ...patch } = body;
    const fields = fieldsToChange(patch);
    return this.request({ entity, entityKey: key, op: 'update', fields }, termsOf(body), admin);
  }

  private request(request: ReferenceChangeRequest, terms: ChangeTerms, admin: Principal): Promise<ReferenceChangeDto> {
    return this.upkeep.request(request, terms, admin);
  }
}

function termsOf(body: ChangeTermsDto): ChangeTerms {
  return { reason: body.reason, effectiveFrom: body.effectiveFrom };
}
