import { Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HttpModule } from '../http/http.module';
import { InboxEntriesController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { INBOX_SOURCES } from './sources';

/** GET /inbox/items and /inbox/counts: every kind of pending work (src/inbox/sources) in one list. */
@Module({
  imports: [HttpModule],
  controllers: [InboxEntriesController],
  providers: [{ provide: InboxService, useFactory: (em: EntityManager) => new InboxService(em, INBOX_SOURCES), inject: [EntityManager] }],
})
export class InboxModule {}
