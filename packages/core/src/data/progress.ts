import type { Logger } from '../host/types.js';

/**
 * Progress of a transfer, logged at a steady rate (every `intervalMs`, not a
 * line per file): files and bytes done, rate and ETA. Silent when the work
 * ends before the first tick, so a no-change re-pull logs nothing extra.
 */
export class Progress {
  private files = 0;
  private bytes = 0;
  private readonly started = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: Logger,
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.totalFiles === 0) return;
    this.timer = setInterval(() => this.log.info(this.line()), this.intervalMs);
    this.timer.unref();
  }

  addBytes(count: number): void {
    this.bytes += count;
  }

  fileDone(): void {
    this.files++;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  line(): string {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = this.bytes / seconds;
    // DVC directory entries carry no sizes: then the ETA follows the file count.
    const sizesKnown = this.totalBytes >= this.bytes && this.totalBytes > 0;
    const left = sizesKnown ? (this.totalBytes - this.bytes) / Math.max(rate, 1) : ((this.totalFiles - this.files) * seconds) / Math.max(this.files, 1);
    const eta = left > 0 && (this.files > 0 || this.bytes > 0) ? ` ETA ${formatDuration(left)}` : '';
    const bytes = sizesKnown ? `${formatBytes(this.bytes)}/${formatBytes(this.totalBytes)}` : formatBytes(this.bytes);
    return `progress: ${this.files}/${this.totalFiles} files, ${bytes}, ${formatBytes(rate)}/s${eta}`;
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
