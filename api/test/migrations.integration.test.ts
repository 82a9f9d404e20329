// Migrations on the harness PostgreSQL (a fresh database per test) and on embedded PGlite.
import { describeMigrations } from './support/migration-suite.ts';
import { freshPglite, freshPostgres } from './support/test-db.ts';

describeMigrations('PostgreSQL', () => freshPostgres({ migrate: false }));
describeMigrations('PGlite', () => freshPglite({ migrate: false }));
