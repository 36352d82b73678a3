// Writes one Agents Playground config per demo persona (playground/<persona>.yml, JSON is valid
// YAML) from the demo council's people and boards, so every file agrees with src/Domain/Demo.
// Run: node playground/make-configs.mjs. The playground itself is only ever started by
// scripts/playground.sh, with APPLICATION_INSIGHTS_NO_STATSBEAT=1 and --disable-telemetry.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const tenantId = "7c9d4e1a-2b3f-4c5d-8e6f-0a1b2c3d4e5f"; // Northbridge's fictional tenant
const team = { id: "19:demo-pmf-team@thread.tacv2", name: "Northbridge City Council", aadGroupId: "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9" };
const channel = (key, name) => ({ id: `19:demo-${key}@thread.tacv2`, name });

// The named demo people (src/Domain/Demo/DemoCouncil.cs, DemoCouncil.People): fixed Entra ids.
const person = (name, user, n) => {
  const [given, ...rest] = name.replace(/^(Cllr|Dr) /, "").split(" ");
  const email = `${user}@northbridge.example`;
  return { id: `29:${user}`, name, userPrincipleName: email, aadObjectId: `5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a${n}`, givenName: given, surname: rest.join(" "), email };
};
const people = {
  chair: person("Cllr Rosa Whitfield", "rosa.whitfield", "01"),
  lead: person("Dr Aisha Rahman", "aisha.rahman", "02"),
  owner: person("Kate Hughes", "kate.hughes", "03"),
  collator: person("Jo Bell", "jo.bell", "04"),
  manager: person("Tariq Mahmood", "tariq.mahmood", "05"),
  performanceLead: person("Lee Young", "lee.young", "06"),
  director: person("Martin Greaves", "martin.greaves", "07"),
  scrutinyChair: person("Cllr Fiona Brannigan", "fiona.brannigan", "08"),
  scrutiny: person("Cllr Paul Oduya", "paul.oduya", "09"),
  auditChair: person("Cllr Graham Tillotson", "graham.tillotson", "10"),
  performance: person("Alison Pryce", "alison.pryce", "11"),
  chiefExecutive: person("Nadia Lindqvist", "nadia.lindqvist", "12"),
};

// Who each persona is, who else is in their Teams, and the board channel they sit in.
const personas = {
  owner: { others: ["collator", "manager", "performanceLead", "lead", "performance"], channel: channel("hwb", "Health and Wellbeing Board") },
  lead: { others: ["chair", "owner", "manager", "director", "performance"], channel: channel("hwb", "Health and Wellbeing Board") },
  chair: { others: ["lead", "owner", "director", "manager", "performance"], channel: channel("hwb", "Health and Wellbeing Board") },
  scrutiny: { others: ["scrutinyChair", "auditChair", "performance", "chair", "owner"], channel: channel("sah", "Scrutiny Board (Adults, Health and Active Lifestyles)") },
  performance: { others: ["chiefExecutive", "performanceLead", "auditChair", "chair", "owner"], channel: channel("cga", "Corporate Governance and Audit Committee") },
};

for (const [name, persona] of Object.entries(personas)) {
  const config = {
    version: "0.1.1",
    tenantId,
    bot: { id: "28:pmfbot-local", name: "PmfBot" },
    currentUser: people[name],
    users: persona.others.map((o) => people[o]),
    personalChat: { id: `a:pmfbot-demo-${name}` },
    groupChat: { id: "19:demo-performance-chat@thread.v2", name: "Quarterly performance" },
    team: { ...team, channels: [persona.channel] },
  };
  writeFileSync(join(here, `${name}.yml`), JSON.stringify(config, null, 2) + "\n");
  // The repository root config (used when the playground starts there) is the owner's.
  if (name === "owner") writeFileSync(join(here, "..", ".m365agentsplayground.yml"), JSON.stringify(config, null, 2) + "\n");
}
console.log(`Wrote ${Object.keys(personas).length} playground configs to ${here}`);
