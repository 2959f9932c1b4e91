// The Electron IPC host with `electron` mocked: calls from anything but the app's own main frame
// are refused before their payload is parsed.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
    on: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
}));

const { hostRouterOverIpc } = await import('../../../../main/shell/ipc');
const { channels } = await import('../../../../main/shell/ipc-channels');

function event(url: string, isMainFrame = true) {
  const mainFrame = { url };
  return { senderFrame: isMainFrame ? mainFrame : { url }, sender: { mainFrame, isDestroyed: () => false, send: vi.fn(), once: vi.fn() } };
}

describe('IPC sender checks', () => {
  const router = { call: vi.fn(async () => ({ ok: true as const, value: 'answer' })) };
  const hub = { subscribe: vi.fn(() => () => undefined) };
  beforeEach(() => {
    handlers.clear();
    router.call.mockClear();
    hub.subscribe.mockClear();
    hostRouterOverIpc({ router, hub } as never);
  });

  it('routes calls from the app:// main frame', async () => {
    const result = await handlers.get(channels.call)!(event('app://sluice/index.html#/groups'), 'groups.list', {});
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(router.call).toHaveBeenCalledWith('groups.list', {});
  });
  it('refuses calls from another origin', async () => {
    const result = await handlers.get(channels.call)!(event('https://evil.example/'), 'groups.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(router.call).not.toHaveBeenCalled();
  });
  it('refuses calls from a subframe, even of the app', async () => {
    const result = await handlers.get(channels.call)!(event('app://sluice/index.html', false), 'groups.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
  it('ignores subscriptions from other origins', () => {
    handlers.get(channels.subscribe)!(event('file:///etc/passwd'), 's1', 'groups.list', {});
    expect(hub.subscribe).not.toHaveBeenCalled();
    handlers.get(channels.subscribe)!(event('app://sluice/index.html'), 's1', 'groups.list', {});
    expect(hub.subscribe).toHaveBeenCalledTimes(1);
  });
});
