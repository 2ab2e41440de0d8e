import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { TEST_URL } from './server.js';

/*
 * A TCP proxy in front of the test server that watches the MySQL protocol both ways: every
 * COM_QUERY a client sends, and how many statements the server executed for it (each result,
 * OK or result set, says whether more follow: SERVER_MORE_RESULTS_EXISTS). What a hostile name
 * could make the server run shows here, whatever the client believed it sent.
 * https://mariadb.com/kb/en/clientserver-protocol/ (packets, OK/EOF/ERR, result sets)
 */

/** One query a client sent and what the server did with it. */
export interface ObservedQuery {
  readonly sql: string;
  /** Statements the server executed (results it returned; an error ends a multi-statement query). */
  statements: number;
  failed: boolean;
}

const MORE_RESULTS = 0x0008;
const DEPRECATE_EOF = 1 << 24;

/** Reads MySQL packets (3-byte length, sequence number) out of a byte stream. */
class Packets {
  private buffer = Buffer.alloc(0);
  constructor(private readonly onPacket: (payload: Buffer, seq: number) => void) {}
  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 4) {
      const length = this.buffer.readUIntLE(0, 3);
      if (this.buffer.length < 4 + length) return;
      const seq = this.buffer[3];
      const payload = this.buffer.subarray(4, 4 + length);
      this.buffer = this.buffer.subarray(4 + length);
      this.onPacket(payload, seq);
    }
  }
}

/** A length-encoded integer at `at`: its value and the offset after it. */
function lenenc(p: Buffer, at: number): [number, number] {
  const b = p[at];
  if (b < 0xfb) return [b, at + 1];
  if (b === 0xfc) return [p.readUInt16LE(at + 1), at + 3];
  if (b === 0xfd) return [p.readUIntLE(at + 1, 3), at + 4];
  return [Number(p.readBigUInt64LE(at + 1)), at + 9];
}

/** Watches one client connection. */
class Conversation {
  private serverCaps = 0;
  private clientCaps = 0;
  private handshake = true;
  private current: ObservedQuery | null = null;
  /** Where the server's answer to the current query is: a new result, column definitions, rows. */
  private state: 'result' | 'columns' | 'columnsEof' | 'rows' = 'result';
  private columns = 0;

  constructor(private readonly log: ObservedQuery[]) {}

  fromClient(p: Buffer, seq: number): void {
    if (this.handshake) {
      if (seq === 1 && p.length >= 4) this.clientCaps = p.readUInt32LE(0);
      return;
    }
    if (seq === 0 && p[0] === 0x03) {
      this.current = { sql: p.subarray(1).toString('utf8'), statements: 0, failed: false };
      this.log.push(this.current);
      this.state = 'result';
    }
  }

  fromServer(p: Buffer, seq: number): void {
    if (this.handshake) {
      if (seq === 0 && p[0] === 10) {
        // Greeting: protocol 10, version string, thread id, 8 bytes, filler, caps low, charset, status, caps high.
        let at = p.indexOf(0, 1) + 1 + 4 + 8 + 1;
        const low = p.readUInt16LE(at);
        at += 2 + 1 + 2;
        this.serverCaps = low | (p.readUInt16LE(at) << 16);
      } else if (p[0] === 0x00 || p[0] === 0xff) {
        this.handshake = false;
      }
      return;
    }
    const q = this.current;
    if (!q) return;
    const deprecateEof = (this.serverCaps & this.clientCaps & DEPRECATE_EOF) !== 0;
    const isEof = p[0] === 0xfe && p.length < 9;
    const done = (status: number) => {
      q.statements++;
      this.state = 'result';
      if (!(status & MORE_RESULTS)) this.current = null;
    };
    const okStatus = (at: number) => {
      const [, a] = lenenc(p, at);
      const [, b] = lenenc(p, a);
      return p.readUInt16LE(b);
    };
    switch (this.state) {
      case 'result':
        if (p[0] === 0x00) return done(okStatus(1));
        if (p[0] === 0xff) {
          q.failed = true;
          this.current = null;
          return;
        }
        [this.columns] = lenenc(p, 0);
        this.state = 'columns';
        return;
      case 'columns':
        if (--this.columns === 0) this.state = deprecateEof ? 'rows' : 'columnsEof';
        return;
      case 'columnsEof':
        this.state = 'rows';
        return;
      case 'rows':
        if (p[0] === 0xff) {
          q.failed = true;
          this.current = null;
          return;
        }
        if (isEof) return done(deprecateEof ? okStatus(1) : p.readUInt16LE(3));
        return;
    }
  }
}

/** A proxy on a free local port; `url(db)` is the test server's URL through it. */
export interface Proxy {
  readonly queries: ObservedQuery[];
  url(database: string): string;
  close(): Promise<void>;
}

export async function startProxy(): Promise<Proxy> {
  const target = new URL(TEST_URL);
  const queries: ObservedQuery[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(Number(target.port || 3306), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const talk = new Conversation(queries);
    const fromClient = new Packets((p, seq) => talk.fromClient(p, seq));
    const fromServer = new Packets((p, seq) => talk.fromServer(p, seq));
    client.on('data', (d: Buffer) => { fromClient.push(d); upstream.write(d); });
    upstream.on('data', (d: Buffer) => { fromServer.push(d); client.write(d); });
    const end = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    queries,
    url: (database: string) => {
      const u = new URL(TEST_URL);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      u.pathname = '/' + database;
      return u.toString();
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
