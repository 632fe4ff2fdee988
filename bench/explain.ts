// `npm run bench -- --explain`: the plan of every statement each path sends, with EXPLAIN (ANALYZE,
// BUFFERS) on the benchmark database, written to bench/plans-<persons>.md for docs/performance.md.
// Writes are explained too, inside a transaction that is rolled back.
import type pg from "pg";
import type { Recording } from "./capture";

/** The slowest statements first, so the plans worth reading lead each path's section. */
export async function explainRecording(
  pool: pg.Pool,
  recording: Recording,
): Promise<{ ms: number; text: string; plan: string }[]> {
  const client = await pool.connect();
  const plans: { ms: number; text: string; plan: string }[] = [];
  try {
    for (const statement of recording.statements) {
      await client.query("BEGIN");
      try {
        if (recording.transactional) {
          // Settings the app makes local to its transaction (the search's similarity threshold) hold here too.
          for (const earlier of recording.statements) {
            if (earlier === statement) break;
            if (/set_config\(/.test(earlier.text)) await client.query(earlier.text, earlier.values);
          }
        }
        const { rows } = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON) ${statement.text}`,
          statement.values,
        );
        const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        plans.push({ ms, text: statement.text.replace(/\s+/g, " ").trim(), plan });
      } finally {
        await client.query("ROLLBACK");
      }
    }
  } finally {
    client.release();
  }
  return plans.sort((a, b) => b.ms - a.ms);
}

export function plansMarkdown(
  persons: number,
  byPath: Record<string, { ms: number; text: string; plan: string }[]>,
): string {
  const sections = Object.entries(byPath).map(([name, plans]) => {
    const total = plans.reduce((sum, p) => sum + p.ms, 0);
    const body = plans
      .map(
        (p) =>
          `SQL (${p.ms.toFixed(2)} ms): ${p.text.length > 400 ? `${p.text.slice(0, 400)}…` : p.text}\n\n\`\`\`\n${p.plan}\n\`\`\``,
      )
      .join("\n\n");
    return `## ${name}: ${plans.length} statements, ${total.toFixed(1)} ms of execution\n\n${body}`;
  });
  return `# Plans at ${persons.toLocaleString("en")} persons\n\nWritten by \`npm run bench -- --explain\`; each path's statements, slowest first.\n\n${sections.join("\n\n")}\n`;
}
