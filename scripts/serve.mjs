/** A static file server for dist/, used by `npm start` and the browser tests. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/**
 * @param {string} dist folder to serve; "/" redirects to the preview
 * @param {{ cert: Buffer, key: Buffer } | undefined} tls HTTPS when given
 */
export function createStaticServer(dist, tls) {
  const handle = (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    // A redirect, not the file itself: the preview's page loads its script by a relative URL.
    if (url.pathname === "/") {
      response.writeHead(302, { location: "/preview/index.html", "cache-control": "no-store" });
      response.end();
      return;
    }
    const relative = decodeURIComponent(url.pathname);
    const path = normalize(join(dist, relative));
    if (!path.startsWith(dist + sep) || !existsSync(path) || !statSync(path).isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end(`Not found: ${url.pathname}`);
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(path)] ?? "application/octet-stream",
      "cache-control": "no-store",
      // Office loads the add-in's pages from this origin inside Excel on the web.
      "access-control-allow-origin": "*",
    });
    createReadStream(path).pipe(response);
  };
  return tls ? createHttpsServer(tls, handle) : createHttpServer(handle);
}
