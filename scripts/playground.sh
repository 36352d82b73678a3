#!/usr/bin/env bash
# Starts Microsoft's Agents Playground (a local Teams client with a mock Bot Connector) as one of
# the demo council's people, against the bot started by scripts/run.sh. Telemetry is always off:
# APPLICATION_INSIGHTS_NO_STATSBEAT=1 and --disable-telemetry (otherwise it would try to reach an
# address outside this machine). Then open http://localhost:<port> in a browser.
#   scripts/playground.sh [owner|lead|chair|scrutiny|performance|path/to/config.yml] [port]
# Several people at once: one playground each, on different ports. A path to a config file of your
# own (made like playground/make-configs.mjs makes the demo's) starts the playground as its currentUser.
set -euo pipefail
cd "$(dirname "$0")/.."
persona="${1:-owner}"
port="${2:-56150}"
if [[ "$persona" == *.yml && -f "$persona" ]]; then
  config="$(cd "$(dirname "$persona")" && pwd)/$(basename "$persona")"
  persona="$(basename "$persona" .yml)"
else
  config="playground/$persona.yml"
fi
if [ ! -f "$config" ]; then
  echo "No playground person called '$persona'. Choose one of: $(ls playground/*.yml | xargs -n1 basename | sed 's/\.yml$//' | tr '\n' ' ')" >&2
  exit 2
fi
if [ ! -d tests/js/node_modules/@microsoft/m365agentsplayground ]; then
  echo "Installing the Agents Playground (tests/js)..."
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi
mkdir -p artifacts
export APPLICATION_INSIGHTS_NO_STATSBEAT=1
export TEAMSAPPTESTER_BROWSER=none
export M365_AGENTS_PLAYGROUND_CONFIG_PATH="$(cd "$(dirname "$config")" && pwd)/$(basename "$config")"
export M365_AGENTS_PLAYGROUND_LOGFILE="$PWD/artifacts/playground-$persona.log"
bot="${PMFBOT_ENDPOINT:-http://127.0.0.1:3978/api/messages}"
echo "Agents Playground as $(node -e "console.log(JSON.parse(require('fs').readFileSync('$config','utf8')).currentUser.name)") on http://localhost:$port (bot: $bot)"
exec node tests/js/node_modules/@microsoft/m365agentsplayground/cli.js \
  -e "$bot" -c msteams --disable-telemetry -p "$port"
