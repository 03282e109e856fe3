import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes, --json). */
export function progressBar(enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { start() {}, update() {}, stop() {} };
  const bar = new SingleBar(
    {
      format: '{label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let running = false;
  return {
    start(total, label) {
      if (running) bar.stop();
      bar.start(total, 0, { label });
      running = true;
    },
    update(done) {
      if (running) bar.update(done);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
