// Loads PmfBot's tab pages in headless Chromium (Debian's, through playwright-core) as Teams would, and photographs
// them. Teams itself is not here, so the test stands in for the host: the request for the Teams library gets a small
// stand-in whose getAuthToken returns the test-signed token and whose context says which frame the page is in.
// The bot serves Microsoft's real library; only this browser session swaps it. Nothing leaves the machine.
//   node tab-camera.mjs '<json>'   with {"base": "http://127.0.0.1:port", "shots": [{"name", "path", "token",
//   "frameContext", "width", "file", "click"?, "afterClickFile"?, "save"?}]}
// Prints one JSON line per shot: {name, heading, text, notice?, config?}.
import { chromium } from "playwright-core";

const { base, shots } = JSON.parse(process.argv[2]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

const teamsHost = (token, frameContext, channel) => `
window.microsoftTeams = {
  app: {
    initialize: async () => {},
    getContext: async () => ({ page: { frameContext: ${JSON.stringify(frameContext)} }, channel: ${JSON.stringify(channel ? { id: channel } : null)} }),
  },
  authentication: { getAuthToken: async () => ${JSON.stringify(token)} },
  pages: { config: {
    setValidityState: (valid) => { window.__valid = valid; },
    registerOnSaveHandler: (handler) => { window.__save = handler; },
    setConfig: async (config) => { window.__config = config; },
  } },
};`;

try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width || 1000, height: 900 } });
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") return route.abort();
      if (url.pathname === "/tabs/script/teams.js") {
        return route.fulfill({ contentType: "text/javascript", body: teamsHost(shot.token, shot.frameContext || "content", shot.channel) });
      }
      return route.continue();
    });
    await page.goto(base + shot.path, { waitUntil: "domcontentloaded" });
    await page.locator("main#tab h1").first().waitFor({ timeout: 60000 });
    const result = { name: shot.name };
    if (shot.save) {
      await page.waitForFunction(() => typeof window.__save === "function", null, { timeout: 20000 });
      result.valid = await page.evaluate(() => window.__valid);
      result.config = await page.evaluate(() => new Promise((resolve) => {
        window.__save({ notifySuccess: () => resolve(window.__config), notifyFailure: (why) => resolve({ failure: why }) });
      }));
    }
    await page.screenshot({ path: shot.file, fullPage: true });
    if (shot.click) {
      await page.getByRole("button", { name: shot.click, exact: true }).first().click();
      await page.locator("main#tab .notice").first().waitFor({ timeout: 60000 });
      result.notice = (await page.locator("main#tab .notice").first().innerText()).trim();
      await page.screenshot({ path: shot.afterClickFile, fullPage: true });
    }
    result.heading = (await page.locator("main#tab h1").first().innerText()).trim();
    result.text = await page.locator("main#tab").innerText();
    console.log(JSON.stringify(result));
    await page.close();
  }
} finally {
  await browser.close();
}
