import { Module } from '@nestjs/common';
import { DirectoryModule } from '@hotline/directory';
import { SlaClock } from './sla-clock';

@Module({
  imports: [DirectoryModule],
  providers: [SlaClock],
  exports: [SlaClock],
})
export class SlaModule {}
