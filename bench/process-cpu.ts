import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the processes a step loads, read from /proc: this process (the consumer: worker or no-op handler),
 * the producer process, the NATS server and PostgreSQL (all its processes). On a shared machine throughput drifts
 * from minute to minute, the CPU an event costs each of them much less: it is the figure to compare changes by.
 * null off Linux.
 */
export const CPU_GROUPS = ['consumer', 'producer', 'nats', 'postgres'] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];
export type CpuMs = Record<CpuGroup, number>;

/** Linux reports process times in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICK_MS = 10;

function groupOf(command: string): CpuGroup | null {
  if (command === 'nats-server') return 'nats';
  if (command === 'postgres') return 'postgres';
  return null;
}

/** utime + stime of each process of the groups, by pid. */
function readProcesses(
  producerPid: number | undefined,
): Map<number, { readonly group: CpuGroup; readonly ms: number }> {
  const found = new Map<number, { group: CpuGroup; ms: number }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state … : comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const group = pid === process.pid ? 'consumer' : pid === producerPid ? 'producer' : groupOf(command);
    if (group === null) continue;
    const fields = stat.slice(close + 2).split(' ');
    // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the command.
    found.set(pid, { group, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
  }
  return found;
}

export class CpuMeter {
  readonly #start: ReturnType<typeof readProcesses> | null;

  constructor(private readonly producerPid: number | undefined) {
    this.#start = process.platform === 'linux' ? readProcesses(producerPid) : null;
  }

  /** CPU milliseconds of each group since the meter was made (processes started meanwhile count from 0). */
  read(): CpuMs | null {
    if (this.#start === null) return null;
    const ms: CpuMs = { consumer: 0, producer: 0, nats: 0, postgres: 0 };
    for (const [pid, now] of readProcesses(this.producerPid))
      ms[now.group] += now.ms - (this.#start.get(pid)?.ms ?? 0);
    return ms;
  }
}
