// The processes below a process (its children, theirs, …), their command lines and resident memory, read from /proc
// (Linux).
// Not pidtree or pidusage: they run `ps`, which a slim CI image need not have, and /proc is all they would read.
import fs from "node:fs";

/** Every running process's parent. */
export function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name (in brackets) may hold spaces: the fields after it are split safely
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  return parentOf;
}

/** The processes below `pid`, each with how many levels below it is (1: a child). */
export function descendants(pid: number): { pid: number; depth: number }[] {
  const parentOf = parents();
  const found: { pid: number; depth: number }[] = [];
  for (const candidate of parentOf.keys()) {
    let depth = 0;
    for (
      let p: number | undefined = candidate;
      p !== undefined && p > 1 && depth <= 16;
      p = parentOf.get(p)
    ) {
      if (p === pid) {
        if (depth > 0) found.push({ pid: candidate, depth });
        break;
      }
      depth++;
    }
  }
  return found;
}

/** A process's command line, its program and arguments separated by spaces, or null once it is gone. */
export function commandLineOf(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0$/, "").replace(/\0/g, " ");
  } catch {
    return null;
  }
}

/** Resident memory of a process in bytes, or 0 once it is gone. */
export function residentBytes(pid: number): number {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
