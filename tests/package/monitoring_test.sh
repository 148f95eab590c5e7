#!/usr/bin/env bash
# packaging/monitoring: the alert rules load (promtool check rules) and fire as their tests say
# (promtool test rules, kiosk-alerts.test.yml); the Grafana dashboard is valid JSON with its panels'
# queries. That every metric they name is one the kiosk writes is a unit test (MonitoringFilesTest).
# Usage: monitoring_test.sh SOURCE_DIR
set -euo pipefail
source_dir="${1:?source dir}"
command -v promtool >/dev/null || { echo "FAIL: promtool is missing (Debian's prometheus, packaging/install-deps.sh)"; exit 1; }
promtool check rules "$source_dir/packaging/monitoring/kiosk-alerts.yml"
promtool test rules "$source_dir/tests/package/kiosk-alerts.test.yml"
python3 - "$source_dir/packaging/monitoring/kiosk-fleet-dashboard.json" <<'PY'
import json, sys
dashboard = json.load(open(sys.argv[1], encoding="utf-8"))
exprs = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]
assert dashboard.get("uid") and dashboard.get("title"), "dashboard needs a uid and a title"
assert len(exprs) >= 10 and all("kiosk_" in e for e in exprs), exprs
ids = [p["id"] for p in dashboard["panels"]]
assert len(ids) == len(set(ids)), "panel ids repeat"
print(f"{sys.argv[1]}: {len(dashboard['panels'])} panels, {len(exprs)} queries")
PY
