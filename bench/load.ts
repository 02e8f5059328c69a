/**
 * The load generator of the HTTP benchmark, run as its own process so that it does not share the
 * service's event loop or CPU accounting: autocannon posting one request body for a while.
 *   node dist/bench/load.js <url> <content-type> <body file> <connections> <seconds>
 * Prints autocannon's result as JSON, with the generator's own CPU time in ms (generatorCpuMs).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

async function main(): Promise<void> {
  const [url, contentType, bodyFile, connections, seconds] = process.argv.slice(2);
  if (!url || !contentType || !bodyFile || !connections || !seconds) throw new Error('usage: load.js <url> <content-type> <body file> <connections> <seconds>');
  const result = await autocannon({
    url,
    connections: Number(connections),
    duration: Number(seconds),
    method: 'POST',
    headers: { 'content-type': contentType },
    body: readFileSync(bodyFile),
  });
  // The generator's own CPU: on a machine it shares with the service, it is taken from the service.
  const { user, system } = process.cpuUsage();
  process.stdout.write(JSON.stringify({ ...result, generatorCpuMs: Math.round((user + system) / 1000) }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
