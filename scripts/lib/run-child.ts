// Running the project's own tools (next, tsx) as child processes, for the launcher and the benchmark.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./prisma6";

/** A file of an installed package, e.g. bin("next", "dist/bin/next"). */
export const bin = (pkg: string, file: string) => path.join(ROOT, "node_modules", pkg, file);

/**
 * Runs a command in the project folder with the terminal's output and resolves when it exits with 0.
 * `onSpawn` receives the child, so that a caller can stop it on a signal.
 */
export function runToEnd(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onSpawn?: (child: ChildProcess) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    onSpawn?.(child);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${[command, ...args].join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
