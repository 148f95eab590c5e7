#!/usr/bin/env python3
"""clang-tidy (.clang-tidy) on the project's own sources: every translation unit under kiosk/, platform/
and tools/ in BUILD_DIR's compile_commands.json, in parallel. Any finding fails (WarningsAsErrors).

Usage: tools/clang_tidy.py [BUILD_DIR] [--jobs N] [--no-cache]   (default build/asan, which must be built:
the header list of each unit comes from ninja's dependency log)

A unit that passed is remembered by a key: clang-tidy's version, .clang-tidy, the compile command and the
names (relative to the work tree) and contents of the unit and of every project file it includes. The keys
of the last clean run are committed (tools/clang_tidy_passed.txt), so CI on a fresh clone checks exactly the
units a change can affect: a new finding fails it, and an unchanged unit that passed is not checked again.
A run rewrites the file with the keys of every unit that passes now; commit it with the change.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TIDY = "clang-tidy-19"
OWN = ("kiosk/", "platform/", "tools/")


def project_deps(build: pathlib.Path) -> dict:
    """object file -> the project files it was compiled from (ninja -t deps)."""
    out = subprocess.run(["ninja", "-C", str(build), "-t", "deps"], capture_output=True, text=True, check=True).stdout
    deps, current = {}, None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            current = line.split(":")[0]
            deps[current] = []
        elif current and line.strip():
            path = pathlib.Path(line.strip())
            if not path.is_absolute():
                path = (build / path).resolve()
            if str(path).startswith(str(ROOT)) and "/build/" not in str(path):
                deps[current].append(path)
    return deps


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default="build/asan")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    build = (ROOT / args.build).resolve()
    commands = json.loads((build / "compile_commands.json").read_text())
    deps = project_deps(build)
    record = ROOT / "tools" / "clang_tidy_passed.txt"
    passed = set()
    if record.exists() and not args.no_cache:
        passed = {line.split()[0] for line in record.read_text().splitlines() if line and not line.startswith("#")}
    version = subprocess.run([TIDY, "--version"], capture_output=True, text=True, check=True).stdout
    config = (ROOT / ".clang-tidy").read_bytes()

    units = []
    for entry in commands:
        source = pathlib.Path(entry["file"]).resolve()
        rel = str(source.relative_to(ROOT)) if str(source).startswith(str(ROOT)) else ""
        if not rel.startswith(OWN):
            continue
        output = entry.get("output", "")
        files = sorted(set(deps.get(output, [])) | {source})
        # Paths are keyed relative to the work tree, so a fresh clone in another folder (CI) finds the
        # results of a run in the developer's tree for every unit whose contents are the same.
        key = hashlib.sha256()
        key.update(version.encode())
        key.update(config)
        command = entry.get("command", " ".join(entry.get("arguments", [])))
        key.update(command.replace(str(ROOT), "@ROOT@").replace(str(build), "@BUILD@").encode())
        for f in files:
            key.update(str(f.relative_to(ROOT)).encode())
            key.update(f.read_bytes() if f.exists() else b"(missing)")
        units.append((rel, key.hexdigest()))

    todo = [(rel, key) for rel, key in units if key not in passed]
    print(f"clang_tidy: {len(units)} units, {len(units) - len(todo)} unchanged since a clean run, {len(todo)} to check",
          flush=True)

    def run(unit):
        rel, key = unit
        # libstdc++ 12 headers use std::get_temporary_buffer, which clang marks deprecated: not our code.
        proc = subprocess.run([TIDY, "-p", str(build), "--quiet", "--extra-arg=-Wno-deprecated-declarations",
                               str(ROOT / rel)], capture_output=True, text=True)
        findings = [l for l in proc.stdout.splitlines() if ": error:" in l or ": warning:" in l]
        if proc.returncode == 0 and not findings:
            return rel, ""
        return rel, proc.stdout + proc.stderr

    failed = set()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for rel, report in pool.map(run, todo):
            if report:
                failed.add(rel)
                print(f"---- {rel}\n{report}", flush=True)
    print(f"clang_tidy: {len(failed)} of {len(todo)} checked units have findings", flush=True)
    # The record holds the units that pass now (units gone from the build drop out).
    lines = sorted(f"{key} {rel}" for rel, key in units if rel not in failed)
    record.write_text("# clang-tidy: keys of the units that passed (tools/clang_tidy.py writes this; commit it)\n" +
                      "\n".join(lines) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
