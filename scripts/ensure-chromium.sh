#!/usr/bin/env bash
# npm test's browser tests drive Debian's Chromium (playwright cannot download its own browser here).
# Installs it when it is missing and this user can (root with apt-get); otherwise stops at once with
# the exact command to run, instead of letting every browser test fail on its own.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$CHROMIUM" = /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "Installing Debian's chromium for the browser tests (apt-get)..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium > /dev/null
    [ -x "$CHROMIUM" ] && exit 0
fi
echo "The browser tests need Chromium at $CHROMIUM. Install it with:" >&2
echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" >&2
echo "or point CHROMIUM_PATH at a Chromium binary." >&2
exit 1
