import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** A running moto_server on the loopback interface. */
export interface MotoServer {
  /** `http://127.0.0.1:PORT` */
  readonly endpoint: string;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'moto_server is not on PATH; the AWS tests need it: pip install "moto[server]"';

/**
 * Starts moto_server on a free loopback port and waits until it answers.
 * Fails (never skips) when moto_server is missing, saying how to install it.
 *
 * @example
 * let moto: MotoServer;
 * beforeAll(async () => { moto = await startMotoServer(); });
 * afterAll(() => moto.stop());
 */
export async function startMotoServer(): Promise<MotoServer> {
  const port = await findFreePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, endpoint, () => stderr);
  return { endpoint, stop: () => stopChild(child) };
}

/**
 * Starts moto_server for the calling test file, then runs `setup` (tables,
 * buckets). If either fails, every test of the file fails with that error,
 * rather than being reported as skipped, so a machine without moto_server
 * cannot pass the suite. Returns a getter for the running server.
 *
 * @example
 * const moto = useMotoServer(async (server) => createTable(server));
 * it('...', () => { moto().endpoint; });
 */
export function useMotoServer(
  setup: (server: MotoServer) => Promise<void> = async () => {},
): () => MotoServer {
  let server: MotoServer | null = null;
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      server = await startMotoServer();
      await setup(server);
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (failure !== null) throw failure;
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (server === null) throw new Error('moto_server is not running');
    return server;
  };
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') {
    throw new Error('could not find a free port');
  }
  return address.port;
}

async function waitUntilReady(
  child: ChildProcess,
  endpoint: string,
  stderr: () => string,
): Promise<void> {
  let failure: Error | null = null;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure =
      error.code === 'ENOENT' ? new Error(INSTALL_HINT) : (error as Error);
  });
  child.once('exit', (code) => {
    failure ??= new Error(`moto_server exited with ${code}: ${stderr()}`);
  });
  // moto imports every service backend at start; give it a generous minute.
  for (let tries = 0; tries < 600; tries += 1) {
    if (failure !== null) throw failure;
    try {
      const response = await fetch(`${endpoint}/moto-api/reset`, {
        method: 'POST',
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`moto_server did not answer on ${endpoint}: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
