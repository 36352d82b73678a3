#!/usr/bin/env node
// Builds the Teams app package a council uploads to Teams: artifacts/pmfbot-teams-app.zip with
// manifest.json, color.png and outline.png at its root (Teams refuses folders), from the
// template manifest/manifest.json with the ids filled in from the environment:
//
//   Bot__AppId            required  the bot's Microsoft App ID (Entra application id), as the bot uses it
//   PMFBOT_DOMAIN         required  the host name PmfBot is reached at, e.g. pmfbot.council.gov.uk
//   PMFBOT_TEAMS_APP_ID   optional  the Teams app id (manifest "id"); default: Bot__AppId
//   Graph__ClientId       optional  the Entra app calling Graph (webApplicationInfo); default: Bot__AppId
//   PMFBOT_APP_VERSION    optional  default 1.0.0; raise it for every updated upload
//   PMFBOT_DEVELOPER_NAME, PMFBOT_WEBSITE_URL, PMFBOT_PRIVACY_URL, PMFBOT_TERMS_URL   optional
//   PMFBOT_PACKAGE        optional  production (default) or local (a developer's own tenant or tunnel)
//   Notices__PrivacyText / Notices__PrivacyFile, Notices__TermsText / Notices__TermsFile
//                         the bot's own settings for its /privacy and /terms pages (docs/deployment.md)
//
// A production package must not link to a privacy notice or terms of use nobody serves: an address
// on PMFBOT_DOMAIN is accepted only at /privacy or /terms and only when the bot's setting for that
// page is set in the same environment (the bot will not start when a configured file is missing).
// An address on another host is the council's own page, which the script cannot see: it says so.
//
// Usage: node scripts/package-app.mjs [--out <zip>] [--template <manifest.json>] [--icons <folder>]
// A missing or malformed value, a placeholder left over, an icon of the wrong size or a manifest
// Teams would reject stops it with one line on stderr and exit code 1. docs/deployment.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_OUT = join(root, "artifacts", "pmfbot-teams-app.zip");
export const DEFAULT_TEMPLATE = join(root, "manifest", "manifest.json");
export const DEFAULT_ICONS = join(root, "manifest", "icons");
export const ICONS = { "color.png": 192, "outline.png": 32 };

// Teams' documented limits for bot commands (the schema alone allows 128 and 4000).
export const MAX_COMMANDS = 10;
export const MAX_TITLE = 32;
export const MAX_DESCRIPTION = 128;

/** A refusal: the message is the whole story, for a person, on one line. */
export class PackageError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}$/;

function guid(env, key, fallback) {
  const value = (env[key] ?? "").trim();
  if (!value) {
    if (fallback) return fallback;
    throw new PackageError(`${key} is not set: set it to the bot's Microsoft App ID (the Entra application id, a GUID), as for the bot itself.`);
  }
  if (!GUID.test(value)) throw new PackageError(`${key} is '${value}', which is not a GUID (expected like 00000000-0000-0000-0000-000000000000).`);
  return value.toLowerCase();
}

function httpsUrl(env, key, fallback) {
  const value = (env[key] ?? "").trim() || fallback;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new PackageError(`${key} is '${value}', which is not a URL.`);
  }
  if (url.protocol !== "https:") throw new PackageError(`${key} must start with https:// (Teams accepts no other), not '${value}'.`);
  return value;
}

/** The values for the template's placeholders, and notes on the defaults that were used. */
export function settingsFrom(env) {
  const notes = [];
  const botId = guid(env, "Bot__AppId");
  const rawDomain = (env.PMFBOT_DOMAIN ?? "").trim();
  if (!rawDomain) throw new PackageError("PMFBOT_DOMAIN is not set: set it to the host name PmfBot is reached at, e.g. pmfbot.council.gov.uk.");
  if (!HOST.test(rawDomain)) {
    throw new PackageError(`PMFBOT_DOMAIN is '${rawDomain}': give the host name alone, e.g. pmfbot.council.gov.uk (no https://, no port, no path).`);
  }
  const domain = rawDomain.toLowerCase();
  const version = (env.PMFBOT_APP_VERSION ?? "").trim() || "1.0.0";
  if (!VERSION.test(version)) throw new PackageError(`PMFBOT_APP_VERSION is '${version}': use three numbers, e.g. 1.0.1.`);
  const developer = (env.PMFBOT_DEVELOPER_NAME ?? "").trim() || "Council performance team";
  if (developer.length > 32) throw new PackageError(`PMFBOT_DEVELOPER_NAME is ${developer.length} characters; Teams allows 32.`);

  const defaulted = (key) => !(env[key] ?? "").trim();
  for (const [key, what] of [
    ["PMFBOT_TEAMS_APP_ID", "Teams app id = Bot__AppId"],
    ["Graph__ClientId", "Graph client id = Bot__AppId"],
    ["PMFBOT_DEVELOPER_NAME", `developer name '${developer}'`],
    ["PMFBOT_WEBSITE_URL", "website, privacy and terms pages on PMFBOT_DOMAIN"],
  ]) {
    if (defaulted(key)) notes.push(what);
  }

  const kind = (env.PMFBOT_PACKAGE ?? "").trim().toLowerCase() || "production";
  if (kind !== "production" && kind !== "local") {
    throw new PackageError(`PMFBOT_PACKAGE is '${env.PMFBOT_PACKAGE}': use production (the default) or local.`);
  }

  const privacy = httpsUrl(env, "PMFBOT_PRIVACY_URL", `https://${domain}/privacy`);
  const terms = httpsUrl(env, "PMFBOT_TERMS_URL", `https://${domain}/terms`);
  if (kind === "production") {
    for (const [key, url, page] of [["PMFBOT_PRIVACY_URL", privacy, NOTICES.privacy], ["PMFBOT_TERMS_URL", terms, NOTICES.terms]]) {
      const problem = noticeProblem(env, domain, key, url, page);
      if (problem) throw new PackageError(problem);
      if (new URL(url).hostname.toLowerCase() !== domain) notes.push(`${page.what} at ${url} is the council's own page: check it is live`);
    }
  } else {
    notes.push("a local package: the privacy and terms addresses are not checked, so do not upload it to a council's tenant");
  }

  return {
    BOT_ID: botId,
    TEAMS_APP_ID: guid(env, "PMFBOT_TEAMS_APP_ID", botId),
    GRAPH_CLIENT_ID: guid(env, "Graph__ClientId", botId),
    DOMAIN: domain,
    APP_VERSION: version,
    DEVELOPER_NAME: developer,
    WEBSITE_URL: httpsUrl(env, "PMFBOT_WEBSITE_URL", `https://${domain}/`),
    PRIVACY_URL: privacy,
    TERMS_URL: terms,
    PACKAGE_KIND: kind,
    notes,
  };
}

/** The pages the bot serves itself, from its own settings (src/Bot/Notices). */
export const NOTICES = {
  privacy: { path: "/privacy", what: "the privacy notice", settings: ["Notices__PrivacyText", "Notices__PrivacyFile"] },
  terms: { path: "/terms", what: "the terms of use", settings: ["Notices__TermsText", "Notices__TermsFile"] },
};

/** Why a production package may not link to this address, or null when it may. */
export function noticeProblem(env, domain, key, url, page) {
  const parsed = new URL(url);
  if (parsed.hostname.toLowerCase() !== domain) return null;
  const [text, file] = page.settings;
  if (parsed.pathname !== page.path || parsed.search || parsed.hash) {
    return `${key} is ${url}, a page PmfBot does not serve: on ${domain} it serves ${page.what} at https://${domain}${page.path} only. Use that address, or the council's own page.`;
  }
  if (!(env[text] ?? "").trim() && !(env[file] ?? "").trim()) {
    return `${key} is ${url}, but ${text} and ${file} are not set, so PmfBot would not serve ${page.what} there. Set one of them (as the bot runs with it) or set ${key} to the council's own page; PMFBOT_PACKAGE=local builds a package for a developer's own tenant without this check.`;
  }
  return null;
}

const PLACEHOLDER = /\{\{([A-Za-z0-9_]+)\}\}/g;
const NOT_PLACEHOLDERS = new Set(["notes", "PACKAGE_KIND"]);

/** The template with every {{NAME}} in its strings replaced; refuses when one is left over. */
export function fillManifest(template, values) {
  const fill = (node) => {
    if (typeof node === "string") return node.replace(PLACEHOLDER, (whole, name) => (name in values && !NOT_PLACEHOLDERS.has(name) ? values[name] : whole));
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [fill(k), fill(v)]));
    return node;
  };
  const manifest = fill(template);
  const left = [...new Set([...JSON.stringify(manifest).matchAll(PLACEHOLDER)].map((m) => m[0]))];
  if (left.length > 0) {
    throw new PackageError(`manifest.json still has ${left.join(", ")} after substitution; the script fills only ${Object.keys(values).filter((k) => !NOT_PLACEHOLDERS.has(k)).map((k) => `{{${k}}}`).join(", ")}.`);
  }
  return manifest;
}

/** Teams' own limits on the command lists, which the schema does not enforce. */
export function commandProblems(manifest) {
  const problems = [];
  for (const bot of manifest.bots ?? []) {
    for (const list of bot.commandLists ?? []) {
      const where = `commands for ${(list.scopes ?? []).join("/")}`;
      if ((list.commands ?? []).length > MAX_COMMANDS) problems.push(`${where}: ${list.commands.length}, Teams allows ${MAX_COMMANDS}`);
      for (const command of list.commands ?? []) {
        if ((command.title ?? "").length > MAX_TITLE) problems.push(`${where}: title '${command.title}' is over ${MAX_TITLE} characters`);
        if ((command.description ?? "").length > MAX_DESCRIPTION) problems.push(`${where}: the description of '${command.title}' is over ${MAX_DESCRIPTION} characters`);
      }
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The schema judge from tests/js (Microsoft's @microsoft/app-manifest), when installed. */
async function schemaErrors(manifest) {
  const judge = join(root, "tests", "js", "package.json");
  let utils;
  try {
    utils = createRequire(judge)("@microsoft/app-manifest").AppManifestUtils;
  } catch {
    return null;
  }
  return utils.validateAgainstSchema(manifest);
}

/** A zip (deflate, fixed timestamps so the same input gives the same bytes) of name -> bytes. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the zip epoch
  for (const [name, data] of Object.entries(files)) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, "utf8");
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    common.writeUInt16LE(0, 2); // flags
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(dosTime, 6);
    common.writeUInt16LE(dosDate, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.concat([u32(0x04034b50), common, nameBytes, packed]);
    const central = Buffer.concat([
      u32(0x02014b50),
      u16(20), // made by: 2.0
      common,
      u16(0), // comment length
      u16(0), // disk
      u16(0), // internal attributes
      u32(0), // external attributes
      u32(offset),
      nameBytes,
    ]);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(centrals.length),
    u16(centrals.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** Builds the package; returns what it wrote. Throws PackageError on anything Teams would refuse. */
export async function packageApp({ env = process.env, out = DEFAULT_OUT, template = DEFAULT_TEMPLATE, icons: iconDir = DEFAULT_ICONS } = {}) {
  const values = settingsFrom(env);
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(template, "utf8"));
  } catch (error) {
    throw new PackageError(`cannot read the manifest template ${template}: ${error.message.split("\n")[0]}`);
  }
  const manifest = fillManifest(parsed, values);

  const limits = commandProblems(manifest);
  if (limits.length > 0) throw new PackageError(`the bot's commands break Teams' limits: ${limits.join("; ")}.`);

  const icons = {};
  for (const [name, size] of Object.entries(ICONS)) {
    const path = join(iconDir, name);
    if (!existsSync(path)) throw new PackageError(`the icon ${path} is missing (node manifest/icons/draw-icons.mjs draws it).`);
    const bytes = readFileSync(path);
    const found = pngSize(bytes);
    if (!found) throw new PackageError(`the icon ${path} is not a PNG.`);
    if (found.width !== size || found.height !== size) {
      throw new PackageError(`the icon ${name} is ${found.width}x${found.height}; Teams wants ${size}x${size}.`);
    }
    icons[name] = bytes;
  }

  const errors = await schemaErrors(manifest);
  if (errors && errors.length > 0) {
    throw new PackageError(`the manifest does not match Teams' schema ${manifest.manifestVersion}: ${errors.join("; ")}`);
  }

  const text = JSON.stringify(manifest, null, 2) + "\n";
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip({ "manifest.json": Buffer.from(text, "utf8"), ...icons }));
  return { out, manifest, kind: values.PACKAGE_KIND, notes: values.notes, schemaChecked: errors !== null };
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--out") options.out = resolve(value());
    else if (flag === "--template") options.template = resolve(value());
    else if (flag === "--icons") options.icons = resolve(value());
    else throw new PackageError(`unknown argument '${argv[i]}' (use --out <zip>, --template <manifest.json>, --icons <folder>).`);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const result = await packageApp(parseArgs(process.argv.slice(2)));
    const m = result.manifest;
    console.log(`Wrote ${result.out} (${result.kind} package): Teams app ${m.id} version ${m.version}, bot ${m.bots[0].botId}, domain ${m.validDomains.join(", ")}.`);
    if (result.notes.length > 0) console.log(`Defaults used (see docs/deployment.md): ${result.notes.join("; ")}.`);
    if (!result.schemaChecked) console.log("Schema not checked: run 'npm ci' in tests/js to install Microsoft's manifest judge.");
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(`package-app: ${error.message}`);
    process.exitCode = 1;
  }
}
