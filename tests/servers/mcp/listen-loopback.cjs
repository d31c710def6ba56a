// Preloaded with `node -r` into servers that bind every interface and offer no host option (the MCP reference
// server): every net.Server.listen call is rewritten to bind 127.0.0.1, so tests never expose a port to the network.
"use strict";
const net = require("node:net");

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first !== null && typeof first === "object" && !Array.isArray(first)) {
    // listen({ port, host, ... }): keep every option but the host (a path option means a Unix socket: left alone).
    if (first.path === undefined) {
      args[0] = { ...first, host: "127.0.0.1" };
    }
  } else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback]): replace or insert the host argument.
    if (typeof args[1] === "string") {
      args[1] = "127.0.0.1";
    } else {
      args.splice(1, 0, "127.0.0.1");
    }
  }
  return listen.apply(this, args);
};
