// The IPC channel names, one list imported by both sides: the preload (renderer process) and the
// router's IPC host (main process). A renamed channel cannot drift apart between them.
export const channels = { call: 'sluice:call', subscribe: 'sluice:subscribe', unsubscribe: 'sluice:unsubscribe', push: 'sluice:push' } as const;
