/**
 * A bare TCP relay, the benchmark's reference for what two processes in the path cost on this machine:
 * node's pipe() both ways, no TLS, no WebSocket. `node relay.js <target>` relays 127.0.0.1:<port it
 * prints> to <target> (a port on 127.0.0.1, or a unix socket's path) until its stdin closes.
 */
import net from 'node:net';

const target = process.argv[2] ?? '';
const server = net.createServer((local) => {
  const remote = /^\d+$/.test(target) ? net.connect(Number(target), '127.0.0.1') : net.connect(target);
  for (const [from, to] of [
    [local, remote],
    [remote, local],
  ] as const) {
    from.pipe(to);
    from.on('error', () => to.destroy());
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as net.AddressInfo).port}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
