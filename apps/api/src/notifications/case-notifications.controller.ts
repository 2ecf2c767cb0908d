import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { CaseQueriesService } from '@hotline/cases';
import { NotificationsService } from '@hotline/notifications';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { UuidParam } from '../http/uuid-param';
import { CaseNotificationListDto } from './dto/case-notification.dto';

/** What the centre told a case's citizen by SMS and whether it arrived (docs/api.md, "Citizen notifications"). */
@ApiTags('cases')
@Controller('cases/:id/notifications')
@Roles('agent', 'supervisor')
export class CaseNotificationsController {
  constructor(
    private readonly cases: CaseQueriesService,
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The SMS messages sent to the case’s citizen, with their delivery reports' })
  @ApiOkResponse({ type: CaseNotificationListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async list(@UuidParam('id') caseId: string, @CurrentPrincipal() viewer: Principal): Promise<CaseNotificationListDto> {
    await this.cases.visible(caseId, viewer);
    const items = (await this.notifications.ofCase(caseId)).map((n) => ({
      id: n.id,
      kind: n.kind,
      text: n.text,
      status: n.status,
      requestedAt: n.requestedAt,
      reportedAt: n.reportedAt,
      reportReason: n.reportReason,
    }));
    return { items, total: items.length };
  }
}
