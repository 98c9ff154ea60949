// Entry of the process that runs the API runtime: an Electron utilityProcess (the app, over a
// MessagePort) or a Node child process (browser mode, over its IPC channel).
import { serveRuntime } from './runtime-host/runtime-service';
import type { MessageEndpoint, RuntimeMessage } from './runtime-host/protocol';

interface ElectronPortEvent {
  data: unknown;
  ports: { postMessage(message: unknown): void; on(event: 'message', listener: (event: { data: unknown }) => void): void; start(): void }[];
}
interface ElectronParentPort {
  once(event: 'message', listener: (event: ElectronPortEvent) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;

if (parentPort) {
  // Electron: the main process sends one MessagePort first; everything else goes over it.
  parentPort.once('message', (event) => {
    const port = event.ports[0];
    const endpoint: MessageEndpoint<RuntimeMessage, unknown> = {
      post: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (message) => listener(message.data)),
    };
    serveRuntime(endpoint, { exit: () => process.exit(0) });
    port.start();
  });
} else if (process.send) {
  const endpoint: MessageEndpoint<RuntimeMessage, unknown> = {
    post: (message) => process.send?.(message),
    onMessage: (listener) => process.on('message', listener),
  };
  const service = serveRuntime(endpoint, { exit: () => process.exit(0) });
  // The UI-serving process is gone (killed, crashed): finish what runs, close the database, leave.
  process.on('disconnect', () => void service.close());
} else {
  console.error('kartlegg: the runtime worker runs only under a Kartlegg host.');
  process.exit(2);
}
