// The Teams app package, as scripts/package-app.mjs builds it: the manifest judged by Microsoft's
// own schema (@microsoft/app-manifest, with its bundled schemas, offline), the icons by Teams'
// rules, the zip by its layout, and the script's refusals of bad configuration.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZip, decodePng } from './read-package.mjs';
import { drawColour, drawOutline, encodePng } from '../../manifest/icons/draw-icons.mjs';

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require('@microsoft/app-manifest');

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const script = join(root, 'scripts', 'package-app.mjs');
const template = join(root, 'manifest', 'manifest.json');
const icons = join(root, 'manifest', 'icons');

const BOT_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const DOMAIN = 'pmfbot.northbridge.gov.uk';
// The bot serves its own /privacy and /terms from these settings (src/Bot/Notices), as a council's production host would.
const NOTICES = { Notices__PrivacyText: 'Northbridge City Council processes ...', Notices__TermsFile: '/etc/pmfbot/terms.txt' };
const CONFIG = { Bot__AppId: BOT_ID, PMFBOT_DOMAIN: DOMAIN, ...NOTICES };

const work = mkdtempSync(join(tmpdir(), 'pmf-manifest-'));
after(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** Runs the package script in a clean environment (nothing inherited but PATH). */
function packageWith(env, args = []) {
  const out = join(work, `package-${++runs}.zip`);
  const run = spawnSync(process.execPath, [script, '--out', out, ...args], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { ...run, out, zip: existsSync(out) ? readFileSync(out) : null };
}

function refused(run, pattern) {
  assert.equal(run.status, 1, `expected exit code 1, got ${run.status}; stdout: ${run.stdout}; stderr: ${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0], /^package-app: /);
  assert.match(lines[0], pattern);
  assert.equal(run.zip, null, 'a refused build must not leave a package behind');
}

const manifestOf = (zipBytes) => JSON.parse(readZip(zipBytes).get('manifest.json').toString('utf8'));

/** Pixels that are neither fully transparent nor white: Teams' rule for the outline icon. */
function offColourPixels({ width, rgba }) {
  const found = [];
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b, a] = rgba.subarray(i, i + 4);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) found.push({ x: (i / 4) % width, y: Math.floor(i / 4 / width), r, g, b, a });
  }
  return found;
}

describe('the package built from the configuration', () => {
  let built;
  let manifest;
  before(() => {
    built = packageWith(CONFIG);
    assert.equal(built.status, 0, built.stderr);
    manifest = manifestOf(built.zip);
  });

  test('holds exactly manifest.json, color.png and outline.png, at its root', () => {
    assert.deepEqual([...readZip(built.zip).keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
  });

  test("matches Microsoft's Teams schema, judged offline by @microsoft/app-manifest", async () => {
    // The schema is the one bundled in the package: no download, so the judge works offline.
    const version = manifest.$schema.match(/\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/)?.[1];
    assert.equal(version, `v${manifest.manifestVersion}`, '$schema and manifestVersion must name the same version');
    const bundled = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
    assert.ok(existsSync(bundled), `schema ${version} is not bundled in @microsoft/app-manifest`);

    assert.deepEqual(await AppManifestUtils.validateAgainstSchema(manifest), []);
  });

  test('takes the bot id, app id and domain from the configuration, with no placeholder left', () => {
    const text = readZip(built.zip).get('manifest.json').toString('utf8');
    assert.doesNotMatch(text, /\{\{|\}\}/);
    assert.equal(manifest.id, BOT_ID);
    assert.equal(manifest.bots[0].botId, BOT_ID);
    assert.equal(manifest.webApplicationInfo.id, BOT_ID);
    assert.deepEqual(manifest.validDomains, [DOMAIN]);
    assert.equal(manifest.developer.privacyUrl, `https://${DOMAIN}/privacy`);
  });

  test('has the personal tab and the board tab (channel, chat and meeting side panel) on its own domain, signed in with Teams', () => {
    const mine = manifest.staticTabs.find((tab) => tab.entityId === 'pmfbot-mine');
    assert.equal(mine.contentUrl, `https://${DOMAIN}/tabs/personal`);
    assert.deepEqual(mine.scopes, ['personal']);
    assert.ok(manifest.staticTabs.some((tab) => tab.entityId === 'conversations'), 'the chat with the bot stays beside the tab');
    const [board] = manifest.configurableTabs;
    assert.equal(board.configurationUrl, `https://${DOMAIN}/tabs/configure`);
    assert.deepEqual([...board.scopes].sort(), ['groupChat', 'team']);
    assert.ok(board.context.includes('channelTab') && board.context.includes('meetingSidePanel'));
    // getAuthToken asks Entra for this resource; the bot checks the same audience (Tabs:Domain, Tabs:ClientId).
    assert.equal(manifest.webApplicationInfo.resource, `api://${DOMAIN}/${manifest.webApplicationInfo.id}`);
  });

  test('is a conversational bot in personal chat, teams and group chats, without files', () => {
    const bot = manifest.bots[0];
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.supportsFiles, false);
    assert.equal(bot.isNotificationOnly, false);
  });

  test("keeps its command lists within Teams' limits, with my returns in personal chat only", () => {
    const lists = manifest.bots[0].commandLists;
    const titles = (scope) => lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    for (const list of lists) {
      assert.ok(list.commands.length <= 10, `${list.scopes}: ${list.commands.length} commands`);
      for (const { title, description } of list.commands) {
        assert.ok(title.length <= 32, `title '${title}' is over 32 characters`);
        assert.ok(description.length > 0 && description.length <= 128, `description of '${title}' is ${description.length} characters`);
      }
    }
    for (const title of ['help', 'my returns', 'status', 'exceptions', 'scorecard', 'compliance']) {
      assert.ok(titles('personal').includes(title), `personal chat lacks '${title}'`);
    }
    for (const scope of ['team', 'groupChat']) {
      assert.deepEqual(titles(scope).filter((t) => !titles('personal').includes(t)), [], `${scope} offers a command personal chat does not`);
      for (const title of ['help', 'status', 'exceptions', 'scorecard', 'compliance']) assert.ok(titles(scope).includes(title), `${scope} lacks '${title}'`);
      assert.ok(!titles(scope).includes('my returns'), `'my returns' would show someone's returns to the whole ${scope}`);
    }
  });

  test('is the same bytes every time for the same configuration', () => {
    assert.ok(packageWith(CONFIG).zip.equals(built.zip));
  });
});

describe('the icons', () => {
  test('are PNGs of 192x192 (colour) and 32x32 (outline), in the package and in manifest/icons', () => {
    const packaged = readZip(packageWith(CONFIG).zip);
    for (const [name, size] of [['color.png', 192], ['outline.png', 32]]) {
      for (const bytes of [packaged.get(name), readFileSync(join(icons, name))]) {
        // Straight from the IHDR chunk: width then height, big-endian, after the 8-byte signature.
        assert.equal(bytes.toString('ascii', 12, 16), 'IHDR');
        assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [size, size], name);
      }
    }
  });

  test('outline is only white and transparent, and not empty', () => {
    const outline = decodePng(readFileSync(join(icons, 'outline.png')));
    assert.deepEqual(offColourPixels(outline), []);
    let opaque = 0;
    for (let i = 3; i < outline.rgba.length; i += 4) if (outline.rgba[i] === 255) opaque++;
    assert.ok(opaque > 100, `only ${opaque} opaque pixels: the symbol is missing`);
  });

  test('outline check catches a single coloured pixel', () => {
    const pixels = drawOutline();
    pixels.set([0x1d, 0x4f, 0x91, 255], (5 * 32 + 7) * 4);
    assert.deepEqual(offColourPixels(decodePng(encodePng(32, pixels))).map(({ x, y }) => [x, y]), [[7, 5]]);
  });

  test('colour icon fills its square edge to edge (no transparent corner)', () => {
    const colour = decodePng(readFileSync(join(icons, 'color.png')));
    for (const [x, y] of [[0, 0], [191, 0], [0, 191], [191, 191]]) assert.equal(colour.rgba[(y * 192 + x) * 4 + 3], 255, `corner ${x},${y}`);
  });

  test('committed PNGs are what draw-icons.mjs draws', () => {
    assert.ok(decodePng(readFileSync(join(icons, 'color.png'))).rgba.equals(drawColour()), 'color.png is stale: node manifest/icons/draw-icons.mjs');
    assert.ok(decodePng(readFileSync(join(icons, 'outline.png'))).rgba.equals(drawOutline()), 'outline.png is stale: node manifest/icons/draw-icons.mjs');
  });
});

describe('the schema judge', () => {
  test('reports a broken manifest: a bot id that is no GUID, a missing privacy page, eleven commands', async () => {
    const broken = manifestOf(packageWith(CONFIG).zip);
    broken.bots[0].botId = 'pmfbot';
    delete broken.developer.privacyUrl;
    broken.bots[0].commandLists[0].commands = Array.from({ length: 11 }, (_, i) => ({ title: `c${i}`, description: 'd' }));

    const errors = await AppManifestUtils.validateAgainstSchema(broken);
    const expect = (pattern) => assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got:\n${errors.join('\n')}`);
    expect(/^\/bots\/0\/botId must match pattern/);
    expect(/^\/developer must have required property 'privacyUrl'/);
    expect(/^\/bots\/0\/commandLists\/0\/commands must NOT have more than 10 items/);
  });
});

describe('the package script refuses, with one line and no package', () => {
  test('when Bot__AppId is missing', () => {
    refused(packageWith({ PMFBOT_DOMAIN: DOMAIN, ...NOTICES }), /Bot__AppId is not set/);
  });

  test('when Bot__AppId is not a GUID', () => {
    refused(packageWith({ ...CONFIG, Bot__AppId: 'pmfbot-app' }), /Bot__AppId is 'pmfbot-app', which is not a GUID/);
  });

  test('when the Teams app id or the Graph client id is not a GUID', () => {
    refused(packageWith({ ...CONFIG, PMFBOT_TEAMS_APP_ID: '1234' }), /PMFBOT_TEAMS_APP_ID is '1234', which is not a GUID/);
    refused(packageWith({ ...CONFIG, Graph__ClientId: 'x' }), /Graph__ClientId is 'x', which is not a GUID/);
  });

  test('when PMFBOT_DOMAIN is missing or is a URL rather than a host name', () => {
    refused(packageWith({ Bot__AppId: BOT_ID, ...NOTICES }), /PMFBOT_DOMAIN is not set/);
    refused(packageWith({ ...CONFIG, PMFBOT_DOMAIN: `https://${DOMAIN}/api/messages` }), /give the host name alone/);
  });

  test('when a placeholder in the template has no value', () => {
    const withUnknown = join(work, 'unknown-placeholder.json');
    const manifest = JSON.parse(readFileSync(template, 'utf8'));
    manifest.name.full = 'PmfBot for {{COUNCIL_NAME}}';
    writeFileSync(withUnknown, JSON.stringify(manifest));
    refused(packageWith(CONFIG, ['--template', withUnknown]), /still has \{\{COUNCIL_NAME\}\} after substitution/);
  });

  test('when an icon has the wrong size', () => {
    const wrong = join(work, 'wrong-icons');
    mkdirSync(wrong, { recursive: true });
    copyFileSync(join(icons, 'outline.png'), join(wrong, 'outline.png'));
    copyFileSync(join(icons, 'outline.png'), join(wrong, 'color.png'));
    refused(packageWith(CONFIG, ['--icons', wrong]), /the icon color\.png is 32x32; Teams wants 192x192/);
  });

  test("when the manifest breaks Teams' command limits or its schema", () => {
    const manifest = JSON.parse(readFileSync(template, 'utf8'));
    const tooLong = join(work, 'long-title.json');
    manifest.bots[0].commandLists[0].commands[0].title = 'my returns for this quarter and the last one';
    writeFileSync(tooLong, JSON.stringify(manifest));
    refused(packageWith(CONFIG, ['--template', tooLong]), /over 32 characters/);

    const badColour = join(work, 'bad-colour.json');
    writeFileSync(badColour, JSON.stringify({ ...JSON.parse(readFileSync(template, 'utf8')), accentColor: 'council blue' }));
    refused(packageWith(CONFIG, ['--template', badColour]), /does not match Teams' schema 1\.22: \/accentColor/);
  });
});

describe('the privacy and terms addresses of a production package', () => {
  const bare = { Bot__AppId: BOT_ID, PMFBOT_DOMAIN: DOMAIN };

  test('are refused on the bot\'s own host when the bot has no text for them', () => {
    refused(packageWith(bare), /PMFBOT_PRIVACY_URL is https:\/\/pmfbot\.northbridge\.gov\.uk\/privacy, but Notices__PrivacyText and Notices__PrivacyFile are not set/);
    refused(packageWith({ ...bare, Notices__PrivacyFile: '/srv/privacy.txt' }), /PMFBOT_TERMS_URL is .*\/terms, but Notices__TermsText and Notices__TermsFile are not set/);
  });

  test('are refused on the bot\'s own host at a page it does not serve', () => {
    refused(packageWith({ ...CONFIG, PMFBOT_PRIVACY_URL: `https://${DOMAIN}/privacy-notice` }), /a page PmfBot does not serve: on pmfbot\.northbridge\.gov\.uk it serves the privacy notice at https:\/\/pmfbot\.northbridge\.gov\.uk\/privacy only/);
    refused(packageWith({ ...CONFIG, PMFBOT_TERMS_URL: `https://${DOMAIN}/terms?v=2` }), /PMFBOT_TERMS_URL .* a page PmfBot does not serve/);
  });

  test('are accepted on the council\'s own site, with a note to check the page is live', () => {
    const run = packageWith({ ...bare, PMFBOT_PRIVACY_URL: 'https://www.northbridge.gov.uk/privacy', PMFBOT_TERMS_URL: 'https://www.northbridge.gov.uk/pmfbot-terms' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(manifestOf(run.zip).developer.termsOfUseUrl, 'https://www.northbridge.gov.uk/pmfbot-terms');
    assert.match(run.stdout, /\(production package\)/);
    assert.match(run.stdout, /the privacy notice at https:\/\/www\.northbridge\.gov\.uk\/privacy is the council's own page: check it is live/);
  });

  test('are not checked in a local package, which says it is not for a council\'s tenant', () => {
    const run = packageWith({ ...bare, PMFBOT_PACKAGE: 'local' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\(local package\)/);
    assert.match(run.stdout, /do not upload it to a council's tenant/);
    refused(packageWith({ ...CONFIG, PMFBOT_PACKAGE: 'staging' }), /PMFBOT_PACKAGE is 'staging': use production \(the default\) or local/);
  });
});

describe('the package with its own ids', () => {
  test('keeps the bot id for the bot and uses the Teams app id and Graph client id given', () => {
    const appId = '0b7d1c5e-2222-4333-8444-555566667777';
    const graphId = '9a8b7c6d-1111-4222-8333-444455556666';
    const run = packageWith({ ...CONFIG, PMFBOT_TEAMS_APP_ID: appId, Graph__ClientId: graphId, PMFBOT_APP_VERSION: '1.2.3' });
    assert.equal(run.status, 0, run.stderr);
    const manifest = manifestOf(run.zip);
    assert.equal(manifest.id, appId);
    assert.equal(manifest.bots[0].botId, BOT_ID);
    assert.equal(manifest.webApplicationInfo.id, graphId);
    assert.equal(manifest.version, '1.2.3');
  });
});

// Issue 14, part 3 and the meeting start: the search extension, link unfurling and meeting events.
describe('the package with the message extension and meeting events', () => {
  let manifest;
  before(() => {
    const run = packageWith(CONFIG);
    assert.equal(run.status, 0, run.stderr);
    manifest = manifestOf(run.zip);
  });

  test('offers the priority search the bot answers (src/Bot/MessageExtensions/SearchPriorities.cs), served by the same bot', () => {
    const [extension] = manifest.composeExtensions;
    assert.equal(extension.botId, BOT_ID);
    const search = extension.commands.find((c) => c.id === 'searchPriorities');
    assert.ok(search, 'the command id must be SearchPriorities.CommandId');
    assert.equal(search.type, 'query');
    assert.deepEqual(search.context.sort(), ['commandBox', 'compose']);
    assert.equal(search.parameters.length, 1);
  });

  test("unfurls links on the bot's own domain only", () => {
    const links = manifest.composeExtensions[0].messageHandlers.filter((h) => h.type === 'link');
    assert.deepEqual(links.flatMap((h) => h.value.domains), [DOMAIN]);
    assert.ok(manifest.validDomains.includes(DOMAIN));
  });

  test('asks for the resource-specific consent meeting start events need, in group chats and team channels', () => {
    const names = manifest.authorization.permissions.resourceSpecific.map((p) => `${p.name}/${p.type}`).sort();
    assert.deepEqual(names, ['ChannelMeeting.ReadBasic.Group/Application', 'OnlineMeeting.ReadBasic.Chat/Application']);
    assert.ok(manifest.bots[0].scopes.includes('groupChat') && manifest.bots[0].scopes.includes('team'));
    assert.ok(manifest.webApplicationInfo.id, 'meeting events need webApplicationInfo');
  });
});
