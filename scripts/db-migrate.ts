// npm run db:migrate: applies pending migrations to DATABASE_URL (docs/migrations.md).
import { migrate } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (npm start migrates its embedded database by itself.)");
  process.exit(1);
}
try {
  const { applied, alreadyApplied } = await migrate(url);
  console.log(
    applied.length === 0
      ? `Database is up to date (${alreadyApplied} migration(s) applied earlier).`
      : `Applied ${applied.length} migration(s); ${alreadyApplied} were applied earlier.`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
