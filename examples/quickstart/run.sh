#!/usr/bin/env bash
# The quickstart: two AS2 stations, MYCOMPANY and PARTNER, trading EDI over AS2 and landing it in S3 (an embedded S3
# server over examples/quickstart/data/s3). Needs only JDK 17+ and Maven 3.8+.
#
#   examples/quickstart/run.sh
#
# 1. builds the launcher (./camel) with Maven if needed, showing progress;
# 2. generates both stations' keys and certificates on the first run (examples/quickstart/data/keys, never committed);
# 3. starts each station as `./camel run routes/*.camel.yaml routes/application.properties <station>.properties`;
# 4. sends an X12 850 from MYCOMPANY to PARTNER (signed, encrypted, compressed, signed synchronous MDN) and an X12 810
#    from PARTNER to MYCOMPANY (asynchronous MDN), both through the StartFileTransfer HTTP trigger;
# 5. prints where everything landed, stops the stations, exits 0 (non-zero with the reason when anything fails).
# Safe to run again. Station logs: examples/quickstart/data/<station>.log. Environment: JAVA_HOME, MVN as for ./camel.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/../.." && pwd -P)"

say() { printf 'quickstart: %s\n' "$*"; }

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
    java="$(command -v java)"
else
    say "no java found: install JDK 17 or newer, or set JAVA_HOME"
    exit 1
fi
version="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
if [[ -z "$version" || "${version%%.*}" -lt 17 ]]; then
    say "JDK 17 or newer is needed (found ${version:-unknown} at $java)"
    exit 1
fi

say "step 1/5: the launcher (first run: Maven downloads Camel and builds this project; this takes a few minutes)"
if ! "$root/camel" --version >/dev/null; then
    say "the build failed; see the messages above"
    exit 1
fi

exec "$java" "$here/Quickstart.java" "$root" "$@"
