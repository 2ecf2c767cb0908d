import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { UsersService } from './users.service';

/** Creates the first admin from BOOTSTRAP_ADMIN_USERNAME / _PASSWORD (docs/api.md) if it is missing. */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.users.ensure({
      username: this.config.BOOTSTRAP_ADMIN_USERNAME,
      password: this.config.BOOTSTRAP_ADMIN_PASSWORD,
      role: 'admin',
    });
    if (created) this.logger.log(`created bootstrap admin ${this.config.BOOTSTRAP_ADMIN_USERNAME}`);
  }
}
