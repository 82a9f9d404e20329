// The shared tenant suite on the standalone registry: tenants in PostgreSQL, key hashes as files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryKeyHashSink } from '../src/keys/directory-key-hash-sink.ts';
import { DatabaseTenantRegistry } from '../src/tenants/database-tenant-registry.ts';
import { systemClock } from '../src/clock.ts';
import { describeTenantApi } from './support/tenant-suite.ts';
import { freshPostgres } from './support/test-db.ts';

describeTenantApi('standalone: PostgreSQL and a secrets directory', async () => {
  const database = await freshPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'lmo-api-tenants-'));
  const registry = new DatabaseTenantRegistry(database.db, systemClock);
  return {
    db: database.db,
    registry,
    sink: new DirectoryKeyHashSink(dir),
    provision: () => Promise.resolve(),
    writeStatus: (tenant, status) => registry.recordStatus(tenant, status),
    editSpec: async (tenant, change) => {
      const row = await database.db('tenants').where({ name: tenant }).first<{ spec: never }>();
      await database
        .db('tenants')
        .where({ name: tenant })
        .update({ spec: JSON.stringify(change(row.spec)) });
    },
    cleanup: async () => {
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
