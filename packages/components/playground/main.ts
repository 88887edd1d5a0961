/**
 * The playground page: the elements get their credentials and endpoint as attributes (the way a
 * plain HTML page uses them); this script only fills the lock picker and the sandbox buttons.
 */
import '../src/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';

interface PlaygroundConfig {
  endpoint: string;
  clientSessionToken: string;
  controlToken: string;
  devices: { role: string; id: string; description: string }[];
}

const config = (await (await fetch('/playground-config.json')).json()) as PlaygroundConfig;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`index.html has no #${id}`);
  return element as T;
}

const creator = byId<SeamCodeCreator>('creator');
const picker = byId<HTMLSelectElement>('device');
const codes = byId<HTMLDivElement>('codes');

function credentials(element: HTMLElement): void {
  element.setAttribute('endpoint', config.endpoint);
  element.setAttribute('client-session-token', config.clientSessionToken);
}

for (const device of config.devices) {
  picker.append(new Option(device.role, device.id));
}
function showDevice(): void {
  const device = config.devices.find((candidate) => candidate.id === picker.value);
  byId('device-description').textContent = device?.description ?? '';
  creator.setAttribute('device-id', picker.value);
}
picker.addEventListener('change', () => {
  creator.reset();
  showDevice();
});
credentials(creator);
showDevice();

byId<HTMLSelectElement>('lang').addEventListener('change', (event) => {
  document.documentElement.lang = (event.target as HTMLSelectElement).value;
});
byId<HTMLSelectElement>('theme').addEventListener('change', (event) => {
  const theme = (event.target as HTMLSelectElement).value;
  for (const element of document.querySelectorAll('seam-code-creator, seam-code-status')) {
    element.setAttribute('theme', theme);
  }
});

// Every code created here gets a standalone <seam-code-status>, sharing the creator's client and
// verifier (same credentials), as a reservation list in a PMS would show them.
creator.addEventListener('seam-code-created', (event) => {
  for (const accessCode of event.detail.accessCodes) {
    const status = document.createElement('seam-code-status');
    credentials(status);
    status.setAttribute('access-code-id', accessCode.access_code_id);
    status.setAttribute('theme', byId<HTMLSelectElement>('theme').value);
    codes.prepend(status);
  }
});

async function control(route: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${config.endpoint}/_sandbox/${route}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${config.controlToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) alert(`The sandbox refused ${route}: ${await response.text()}`);
}
byId('fail-next').addEventListener('click', () =>
  control('devices/fail_next_set', { device_id: picker.value, count: 3 }),
);
byId('advance').addEventListener('click', () => control('clock/advance', { ms: 3_600_000 }));
