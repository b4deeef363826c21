#!/usr/bin/env bash
# Runs every test. Installs what the tests need when missing (PostgreSQL 15, Chromium and mat2 from Debian's packages,
# as root), starts PostgreSQL on a free loopback port in a temporary directory, and stops it at the end.
# Browser tests leave screenshots in artifacts/screenshots/.
# Ends with one line: "N passed, N failed, N skipped". In CI (CI=true) nothing may be skipped.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
results="$here/artifacts/test-results"
rm -rf "$results" "$here/artifacts/screenshots"; mkdir -p "$results"

log() { echo "test.sh: $*" >&2; }

ensure_postgres() {
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing PostgreSQL 15 from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null; }
  fi
  [ -x /usr/lib/postgresql/15/bin/initdb ]
}

# The browser tests drive Debian's Chromium (never a browser that Playwright downloads); a CJK font lets the
# Chinese pages' screenshots show text instead of empty boxes.
chromium_bin="${RIGHTSDESK_CHROMIUM:-/usr/bin/chromium}"
ensure_chromium() {
  if [ -x "$chromium_bin" ]; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing Chromium from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null; }
  fi
  [ -x "$chromium_bin" ]
}

# Incident attachments are stripped of metadata by Debian's mat2 (AttachmentStripper); without it every attachment is
# refused, so the attachment tests need it.
ensure_mat2() {
  if [ -x /usr/bin/mat2 ]; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing mat2 from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q mat2 >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q mat2 >/dev/null; }
  fi
  [ -x /usr/bin/mat2 ]
}

pgdir=""
bin=/usr/lib/postgresql/15/bin
runas=()
start_postgres() {
  pgdir="$(mktemp -d /tmp/rightsdesk-pg.XXXXXX)"
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)"
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: run it as the unprivileged "postgres" (or "nobody") user.
    local u=postgres; id -u postgres >/dev/null 2>&1 || u=nobody
    chown -R "$u" "$pgdir"
    runas=(runuser -u "$u" --)
  fi
  "${runas[@]}" "$bin/initdb" -D "$pgdir/data" -U rightsdesk --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
    || { cat "$pgdir/initdb.log" >&2; return 1; }
  "${runas[@]}" "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c max_connections=400 -p $port -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$pgdir/server.log" >&2; return 1; }
  export RIGHTSDESK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=rightsdesk;Database=postgres;Pooling=true;Maximum Pool Size=20"
  stop_postgres() { "${runas[@]}" "$bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pgdir"; }
  log "PostgreSQL 15 on 127.0.0.1:$port"
}
stop_postgres() { :; }
trap 'stop_postgres' EXIT

if ensure_postgres; then
  start_postgres || log "PostgreSQL could not be started"
else
  log "PostgreSQL 15 is not installed and could not be installed (run as root to install it)"
fi

if [ "${CI:-}" = "true" ] && [ -z "${RIGHTSDESK_TEST_POSTGRES:-}" ]; then
  log "CI=true and PostgreSQL is not available: the PostgreSQL tests must run in CI"
fi

ensure_mat2 || log "mat2 is not installed and could not be installed (run as root, or apt-get install mat2): the attachment tests will fail"

missing_chromium=0
if ! ensure_chromium; then
  log "Chromium is not installed at $chromium_bin and could not be installed (run as root, or apt-get install chromium): the browser tests will fail"
  [ "${CI:-}" = "true" ] && missing_chromium=1
fi

# Redocly CLI lints the OpenAPI document (tests/RightsDesk.Integration.Tests/Api/RedoclyLintTests.cs), from npm,
# into artifacts/tools, which this script never deletes. Without it that test fails, in CI and out of it.
redocly_version=2.77.0
redocly_dir="$here/artifacts/tools/redocly"
ensure_redocly() {
  if [ -x "$redocly_dir/node_modules/.bin/redocly" ] \
    && [ "$("$redocly_dir/node_modules/.bin/redocly" --version 2>/dev/null | tail -1)" = "$redocly_version" ]; then return 0; fi
  command -v npm >/dev/null || { log "npm is missing: the Redocly lint test will fail (install Node.js and npm)"; return 1; }
  log "installing @redocly/cli $redocly_version into artifacts/tools/redocly"
  mkdir -p "$redocly_dir"
  timeout 600 npm install --prefix "$redocly_dir" --no-audit --no-fund --loglevel=error "@redocly/cli@$redocly_version" >/dev/null \
    || { log "npm could not install @redocly/cli: the Redocly lint test will fail"; return 1; }
}
ensure_redocly || true
# Local .NET tools (dotnet-tools.json): Kiota generates the client that tests/.../Api/ClientGenerationTests.cs builds.
dotnet tool restore >/dev/null || log "dotnet tool restore failed: the client generation test will fail"

log "building"
if ! dotnet build RightsDesk.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  log "running $name"
  dotnet test "$project" -c Release --no-build --nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}ResultSummary/{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
    # A failure says what failed where the run's log is all there is to read (CI keeps no artifacts).
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    for r in ET.parse(f).getroot().iterfind("t:Results/t:UnitTestResult", ns):
        if r.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"): continue
        message = r.findtext("t:Output/t:ErrorInfo/t:Message", "", ns).strip()
        trace = r.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", ns).strip().splitlines()[:8]
        print("test.sh: FAILED " + r.get("testName", "?"), file=sys.stderr)
        for line in message.splitlines()[:40] + trace: print("    " + line, file=sys.stderr)
open(sys.argv[1] + "/summary.txt", "w").write(f"{passed} {failed} {skipped}\n")
PY
read -r passed failed skipped < "$results/summary.txt"
if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  log "$skipped test(s) skipped in CI: that is a failure"
  status=1
fi
[ "$failed" -gt 0 ] && status=1
if [ "$missing_chromium" = 1 ]; then
  log "CI=true and Chromium is missing: the browser tests must run in CI"
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
