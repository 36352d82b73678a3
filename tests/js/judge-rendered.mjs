// Judges cards the bot rendered itself (C# templating, data from a database) with the same checks
// as judge-cards.mjs, Teams' charts and their fallbacks included. The .NET tests pipe cards in.
//
// Input (stdin): {"cards": [{"name": "<template name>", "card": <json>}, ...]}
// Output (stdout): {"results": [{"name": "...", "bytes": n, "problems": ["...", ...]}, ...]}
import { judgeCard } from './judge-cards.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = input.cards.map(({ name, card }) => ({ name, ...judgeCard(name, card) }));
process.stdout.write(JSON.stringify({ results }));
