import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by this process's descendants (Linux /proc; 0 elsewhere). */
export function descendantCpuSeconds(root = process.pid): number {
  let stats: Array<{ pid: number; ppid: number; ticks: number }>;
  try {
    stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        try {
          const text = readFileSync(`/proc/${name}/stat`, 'utf8');
          // Fields after the command (which may contain spaces) start after the last ')'.
          const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
          return [{ pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
        } catch {
          return [];
        }
      });
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  const ticks = new Map(stats.map((stat) => [stat.pid, stat.ticks]));
  let total = 0;
  const pending = [...(children.get(root) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop() ?? 0;
    total += ticks.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  // USER_HZ is 100 on Linux.
  return total / 100;
}
