// A port on 127.0.0.1 where a connection is refused, for tests of unreachable services. It lies
// below Linux's ephemeral range (32768–60999), so no outgoing connection can be given it after the
// probe frees it, and it avoids the ports fetch refuses outright ("bad port", such as 1).
import net from 'node:net';

const listensOn = (port: number) => new Promise<boolean>((resolve) => {
  const probe = net.createServer();
  probe.once('error', () => resolve(false));
  probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
});

export async function refusedPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await listensOn(port)) return port;
  }
  throw new Error('No free port between 20000 and 30000 on 127.0.0.1');
}
