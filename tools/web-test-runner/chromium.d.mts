/** Launch options for Debian's Chromium (or CHROME_PATH), headless, for tests and benches. */
export function chromiumLaunchOptions(): {
  executablePath: string;
  headless: true;
  args: string[];
};
