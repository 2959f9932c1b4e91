// A scoped logger per module, so a line in the terminal says which part of main wrote it.
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.SLUICE_LOG_LEVEL as Level | undefined) ?? 'info'] ?? order.info;

export interface Logger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export function createLogger(scope: string): Logger {
  const write = (level: Level) => (message: string, details?: unknown) => {
    if (order[level] < threshold) return;
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${message}`;
    const stream = level === 'error' || level === 'warn' ? console.error : console.log;
    if (details === undefined) stream(line);
    else stream(line, details);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
