// A headless Chromium (Debian's, through playwright-core, which never downloads a browser) that
// keeps Agents Playground pages open while a journey runs, so their web UI shows the live
// conversation, and photographs them on request. One command per line on stdin, answered with
// "ok ..." or "error ..." on stdout:
//   open <page> <url>                      open a playground's web UI
//   shot <page> <file.png> [text to wait for]
//   click <page> <button title>            press the last card button with that title, as a person would
//   quit
// Requests that leave this machine (web fonts) are refused: nothing goes outside.
import { chromium } from "playwright-core";
import { createInterface } from "node:readline";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const pages = new Map();

async function open(name, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  await page.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "localhost" || host === "127.0.0.1" ? route.continue() : route.abort();
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.getByText("Connected.").first().waitFor({ timeout: 30000 });
  pages.set(name, page);
}

async function shot(name, file, waitFor) {
  const page = pages.get(name);
  if (!page) throw new Error(`no page ${name}`);
  if (waitFor) await page.getByText(waitFor, { exact: false }).last().waitFor({ timeout: 20000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: file, fullPage: true });
}

async function click(name, title) {
  const page = pages.get(name);
  if (!page) throw new Error(`no page ${name}`);
  await page.getByRole("button", { name: title, exact: true }).last().click({ timeout: 20000 });
}

const lines = createInterface({ input: process.stdin });
console.log("ok ready");
for await (const line of lines) {
  const [command, name, ...rest] = line.trim().split(" ");
  try {
    if (command === "open") await open(name, rest[0]);
    else if (command === "shot") await shot(name, rest[0], rest.slice(1).join(" "));
    else if (command === "click") await click(name, rest.join(" "));
    else if (command === "quit") break;
    else throw new Error(`unknown command ${command}`);
    console.log(`ok ${command} ${name}`);
  } catch (e) {
    console.log(`error ${command} ${name}: ${String(e.message).split("\n")[0]}`);
  }
}
await browser.close();
