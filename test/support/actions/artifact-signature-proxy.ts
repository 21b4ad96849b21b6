// A pass-through proxy in front of act's artifact server that puts back the `=`
// padding of the `sig` query parameter of its signed blob URLs.
//
// act 0.2.89 signs upload URLs with padded base64 and decodes `sig` strictly.
// The Azure SDK that @actions/artifact uploads with (@azure/core-client's
// appendQueryParams, `pair.split("=", 2)`) drops everything after a second `=`
// when it appends `comp=block`, so every blob upload is refused with 401 "Error
// unauthorized". https://github.com/nektos/act/issues/6021, fixed upstream by
// https://github.com/nektos/act/pull/6115 (not released in 0.2.89).
// Steps reach the proxy through ACTIONS_RUNTIME_URL/ACTIONS_RESULTS_URL; act's
// server signs URLs for the Host it was asked on, so they point back here too.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ArtifactSignatureProxy {
  /** Base URL for ACTIONS_RUNTIME_URL, with the trailing slash act uses. */
  url: string;
  close(): Promise<void>;
}

/** The request path with a `sig` value padded to whole base64 quanta. */
export function repadSignature(path: string): string {
  return path.replace(/([?&]sig=)([A-Za-z0-9_-]+)(?=&|$)/, (_, key: string, sig: string) => key + sig + '='.repeat((4 - (sig.length % 4)) % 4));
}

export async function startArtifactSignatureProxy(actServerPort: number): Promise<ArtifactSignatureProxy> {
  const server: Server = createServer((req, res) => {
    const upstream = request(
      { host: '127.0.0.1', port: actServerPort, method: req.method, path: repadSignature(req.url ?? '/'), headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.once('error', (err) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(`act's artifact server did not answer: ${err.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
