import type { Server } from "node:http";

// Opening a port, with the failures a person can fix (port taken, no right to
// it, unknown address) turned into one Chinese line instead of a stack trace.

export class ListenError extends Error {}

/** The one-line explanation of a listen failure, or undefined for anything unexpected. */
export function listenFailure(e: unknown, port: number, host?: string): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const where = `端口 ${port}`;
  if (code === "EADDRINUSE") return `${where} 已被占用${host ? `（地址 ${host}）` : ""}，可能已有一个机器人或沙盒在运行。请先关闭占用它的程序，或设置 PORT=其他端口 后重试，例如 PORT=3001 npm start。`;
  if (code === "EACCES") return `没有权限使用${where}（1024 以下的端口需要管理员权限）。请设置 PORT=3000 等更大的端口后重试。`;
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") return `本机没有地址 ${host ?? ""}。请把 SANDBOX_HOST 设为本机的地址，或去掉它只允许本机访问。`;
  return undefined;
}

/** server.listen as a promise; a fixable failure rejects with a ListenError. */
export function listen(server: Server, port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: unknown) => {
      const message = listenFailure(e, port, host);
      reject(message ? new ListenError(message) : e);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
