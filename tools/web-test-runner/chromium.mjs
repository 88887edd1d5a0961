// The browser every web-test-runner suite uses: Debian's Chromium (or CHROME_PATH), never a
// downloaded one, with the flags that keep it quiet on a machine without internet.
// Pass the result to `chromeLauncher({ launchOptions })` (each package has the launcher).
const args = [
  '--headless=new',
  '--no-sandbox', // tests run as root in CI
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions() {
  return { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args };
}
