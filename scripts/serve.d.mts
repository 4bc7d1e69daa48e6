import type { Server } from "node:http";
/** A static file server for dist/; "/" redirects to the preview. */
export function createStaticServer(dist: string, tls?: { cert: Buffer; key: Buffer }): Server;
