#!/usr/bin/python3
"""Contract tests: docs/api/openapi.yaml judged by a standard JSON Schema validator (python3-jsonschema).

The schema file is the single source: every rule below is read from it, none is restated here.

  contract_check.py examples OPENAPI.yaml
      Every example and default in the document validates against its schema, and the validator rejects
      broken variants of the Dossier example (a field missing, a wrong type, a time without offset,
      decomposed text), so a validator that accepts everything cannot pass.

  contract_check.py responses OPENAPI.yaml RECORD_DIR [--statuses 1-10] [--crosscheck EXE]
      Every exchange kiosk-refbackend recorded (--record, one JSON line each, RECORD_DIR/*.jsonl) during
      the integration tests: the status is declared for the operation, the Content-Type is a declared
      media type, the body validates against the declared schema, all text is NFC, required headers are
      present; request bodies the backend accepted validate against the request schema. Every answer
      the document declares must have been seen at least once, and (--statuses) dossiers of every
      status. Answers spoiled on purpose by a fault are not required to conform.
      --crosscheck EXE: the kiosk's own validator (kiosk/core/api/openapi_document.hpp, through EXE)
      must give the same verdict as jsonschema on every recorded JSON body, spoiled ones included.

Exit 0 when all holds; 1 with one line per problem; 2 on a usage error.
"""
import argparse
import copy
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

import jsonschema
import yaml

# OpenAPI 3.0 keywords that JSON Schema does not know; `nullable` is translated, the others only describe.
OAS_ONLY = {"nullable", "example", "discriminator", "xml", "externalDocs", "deprecated", "readOnly", "writeOnly"}
# Faults that leave an answer conforming (a delay, or an error status with the contract's error body).
HARMLESS_FAULTS = {"latency", "status"}


# ---- the document as JSON Schema -------------------------------------------------------------------

def to_json_schema(schema):
    """An OpenAPI 3.0 Schema Object as JSON Schema (draft 4, which OpenAPI 3.0 extends)."""
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key in OAS_ONLY or key.startswith("x-"):
            continue
        if key == "properties":
            out[key] = {name: to_json_schema(sub) for name, sub in value.items()}
        elif key in ("items", "not") or (key == "additionalProperties" and isinstance(value, dict)):
            out[key] = to_json_schema(value)
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = [to_json_schema(sub) for sub in value]
        else:
            out[key] = copy.deepcopy(value)
    # OpenAPI 3.0.3: nullable adds null to the type given in the same Schema Object.
    if schema.get("nullable") is True and "type" in schema:
        out["type"] = [schema["type"], "null"]
        if "enum" in out:
            out["enum"] = out["enum"] + [None]
    return out


FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value):
    """ISO 8601 date and time with a UTC offset (the contract's Time)."""
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})", value):
        raise ValueError("not an ISO 8601 date-time with a UTC offset")
    parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("no UTC offset")
    return True


class Contract:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = yaml.safe_load(f)
        schemas = self.doc.get("components", {}).get("schemas", {})
        self.root = {"components": {"schemas": {name: to_json_schema(s) for name, s in schemas.items()}}}
        self.templates = [(template, re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"))
                          for template in self.doc["paths"]]

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            pointer = node["$ref"].lstrip("#/").split("/")
            node = self.doc
            for part in pointer:
                node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def issues(self, schema, value):
        """Every way `value` breaks the OpenAPI `schema` (a Schema Object, possibly a $ref)."""
        validator = jsonschema.Draft4Validator(to_json_schema(schema),
                                               resolver=jsonschema.RefResolver("", self.root),
                                               format_checker=FORMATS)
        return [("/".join(str(p) for p in e.absolute_path) or "(top level)") + ": " + e.message
                for e in validator.iter_errors(value)]

    def template_of(self, path):
        for template, pattern in self.templates:
            if pattern.match(path):
                return template
        return None

    def response(self, template, method, status):
        responses = self.doc["paths"][template].get(method, {}).get("responses", {})
        for key in (str(status), f"{status // 100}XX", "default"):
            if key in responses:
                return key, self.resolve(responses[key])
        return None, None

    def declared_answers(self):
        for template, item in self.doc["paths"].items():
            for method, operation in item.items():
                if isinstance(operation, dict) and "responses" in operation:
                    for key in operation["responses"]:
                        yield template, method, key


def non_nfc(value, path=""):
    """Paths of strings (keys and values) that are not in Unicode NFC."""
    if isinstance(value, str):
        return [] if unicodedata.is_normalized("NFC", value) else [path or "(top level)"]
    if isinstance(value, dict):
        found = []
        for key, sub in value.items():
            if not unicodedata.is_normalized("NFC", key):
                found.append(f"{path}.{key} (field name)")
            found += non_nfc(sub, f"{path}.{key}" if path else key)
        return found
    if isinstance(value, list):
        return [p for i, sub in enumerate(value) for p in non_nfc(sub, f"{path}[{i}]")]
    return []


# ---- examples --------------------------------------------------------------------------------------

def check_examples(contract):
    problems, count = [], 0

    def check(schema, value, where):
        nonlocal count
        count += 1
        problems.extend(f"{where}: {issue}" for issue in contract.issues(schema, value))

    def walk_schema(schema, where):
        if not isinstance(schema, dict):
            return
        for key in ("example", "default"):
            if key in schema and "$ref" not in schema:
                check(schema, schema[key], f"{where}/{key}")
        for name, sub in schema.get("properties", {}).items():
            walk_schema(sub, f"{where}/properties/{name}")
        for key in ("items", "additionalProperties"):
            walk_schema(schema.get(key), f"{where}/{key}")
        for key in ("allOf", "anyOf", "oneOf"):
            for i, sub in enumerate(schema.get(key, [])):
                walk_schema(sub, f"{where}/{key}/{i}")

    def walk(node, where):
        if isinstance(node, dict):
            if "schema" in node and isinstance(node["schema"], dict):  # a parameter, header or media type
                walk_schema(node["schema"], f"{where}/schema")
                if "example" in node:
                    check(node["schema"], node["example"], f"{where}/example")
                for name, example in node.get("examples", {}).items():
                    check(node["schema"], contract.resolve(example).get("value"), f"{where}/examples/{name}")
            for key, sub in node.items():
                if key != "schema":
                    walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}/{i}")

    for name, schema in contract.doc.get("components", {}).get("schemas", {}).items():
        walk_schema(schema, f"#/components/schemas/{name}")
    walk(contract.doc.get("paths", {}), "#/paths")
    walk(contract.doc.get("components", {}).get("responses", {}), "#/components/responses")
    if count == 0:
        problems.append("the document has no examples to check")

    # The validator must be able to fail: broken variants of the Dossier example.
    dossier = {"$ref": "#/components/schemas/Dossier"}
    example = contract.doc.get("components", {}).get("schemas", {}).get("Dossier", {}).get("example")
    if not isinstance(example, dict):
        return problems + ["the Dossier schema has no example to spoil"], ""
    if contract.issues(dossier, example):
        problems.append("the Dossier example itself does not validate")
    broken = {
        "code missing": lambda d: d.pop("code"),
        "status as a string": lambda d: d.__setitem__("status", str(d["status"])),
        "received_at without an offset": lambda d: d.__setitem__("received_at", d["received_at"][:19]),
        "history not an array": lambda d: d.__setitem__("history", "none"),
        "fee amount negative": lambda d: d["fees"][0].__setitem__("amount_vnd", -1),
    }
    for name, spoil in broken.items():
        variant = copy.deepcopy(example)
        spoil(variant)
        if not contract.issues(dossier, variant):
            problems.append(f"the validator accepted a Dossier with {name}")
    decomposed = copy.deepcopy(example)
    decomposed["procedure"]["name"] = unicodedata.normalize("NFD", decomposed["procedure"]["name"])
    if not non_nfc(decomposed):
        problems.append("the NFC check accepted decomposed text")
    return problems, f"{count} examples and defaults valid; {len(broken) + 1} broken variants rejected"


# ---- recorded exchanges ----------------------------------------------------------------------------

def load_exchanges(directory):
    exchanges = []
    for path in sorted(glob.glob(os.path.join(directory, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    exchange = json.loads(line)
                    exchange["where"] = f"{os.path.basename(path)}:{number}"
                    exchanges.append(exchange)
    return exchanges


def spoiled(exchange):
    names = {item.split("=")[0] for item in exchange.get("fault", "").split(",") if item}
    return bool(names - HARMLESS_FAULTS)


def judge(contract, exchange):
    """Problems of one recorded answer; the second value is the JSON-body verdict for the crosscheck."""
    method, status = exchange["method"].lower(), exchange["status"]
    template = contract.template_of(exchange["path"])
    if template is None or method not in contract.doc["paths"][template]:
        return [f"{exchange['method']} {exchange['path']} is not an operation of the contract"], None, None
    label = f"{exchange['method']} {template} -> {status}"
    key, response = contract.response(template, method, status)
    if response is None:
        return [f"{label}: status {status} is not declared"], None, template
    problems, verdict = [], None
    headers = {name.lower(): value for name, value in exchange.get("headers", {}).items()}
    for name, header in response.get("headers", {}).items():
        if header.get("required") and name.lower() not in headers:
            problems.append(f"{label}: required header {name} missing")
    content = response.get("content", {})
    if content and not exchange.get("streamed"):
        media = exchange.get("content_type", "").split(";")[0].strip().lower()
        if media not in content:
            problems.append(f"{label}: Content-Type '{exchange.get('content_type')}' is not declared ({', '.join(content)})")
        else:
            schema = content[media].get("schema")
            try:
                body = json.loads(exchange["body"])
            except ValueError:
                problems.append(f"{label}: body is not JSON")
                verdict = {"json": False}
            else:
                issues = contract.issues(schema, body) if schema else []
                text = non_nfc(body)
                problems += [f"{label}: {issue}" for issue in issues]
                problems += [f"{label}: not NFC at {path}" for path in text]
                verdict = {"json": True, "schema_ok": not issues, "nfc_ok": not text}
            verdict = dict(verdict, template=template, method=method, status=status, body=exchange["body"])
    request_body = exchange.get("request", {}).get("body")
    operation = contract.doc["paths"][template][method]
    if request_body is not None and 200 <= status < 300 and "requestBody" in operation:
        schema = contract.resolve(operation["requestBody"])["content"]["application/json"]["schema"]
        try:
            problems += [f"{label}: request body: {issue}" for issue in contract.issues(schema, json.loads(request_body))]
        except ValueError:
            problems.append(f"{label}: accepted a request body that is not JSON")
    return problems, verdict, (template, method, key)


def crosscheck(exe, cases):
    """The kiosk's validator (through `exe`) on the same bodies; @return disagreements."""
    lines = "".join(json.dumps({k: c[k] for k in ("template", "method", "status", "body")}) + "\n" for c in cases)
    run = subprocess.run([exe], input=lines, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        return [f"{exe} failed: {run.stderr.strip()}"]
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    if len(answers) != len(cases):
        return [f"{exe} answered {len(answers)} of {len(cases)} cases"]
    disagreements = []
    for case, answer in zip(cases, answers):
        for key in ("json", "schema_ok", "nfc_ok"):
            if key in case and case[key] != answer.get(key):
                disagreements.append(f"{case['where']}: {case['method'].upper()} {case['template']} -> {case['status']}: "
                                     f"jsonschema says {key}={case[key]}, the kiosk's validator says {answer.get(key)}")
    return disagreements


def check_responses(contract, directory, statuses, exe):
    exchanges = load_exchanges(directory)
    if not exchanges:
        return [f"no recorded exchanges in {directory} (did the integration tests run with KIOSK_CONTRACT_RECORD_DIR?)"], ""
    problems, seen, dossier_statuses, cases = [], set(), set(), []
    counts = {"conforming": 0, "spoiled": 0}
    for exchange in exchanges:
        found, verdict, answer = judge(contract, exchange)
        if verdict is not None:
            cases.append(dict(verdict, where=exchange["where"]))
        if spoiled(exchange):
            counts["spoiled"] += 1
            continue
        problems += [f"{exchange['where']}: {p}" for p in found]
        if not found and isinstance(answer, tuple):
            counts["conforming"] += 1
            seen.add(answer)
            if answer[0] == "/api/v1/dossiers/{code}" and exchange["status"] == 200:
                dossier_statuses.add(json.loads(exchange["body"]).get("status"))
    for declared in contract.declared_answers():
        if declared not in seen:
            problems.append(f"never exercised by the tests: {declared[1].upper()} {declared[0]} -> {declared[2]}")
    if statuses:
        missing = sorted(set(statuses) - dossier_statuses)
        if missing:
            problems.append(f"no conforming dossier answer with status {', '.join(map(str, missing))}")
    if exe:
        problems += crosscheck(exe, cases)
    summary = (f"{len(exchanges)} recorded exchanges: {counts['conforming']} conform, {counts['spoiled']} spoiled by "
               f"faults on purpose; every declared answer exercised" + (f"; {len(cases)} bodies crosschecked" if exe else ""))
    return problems, summary


def parse_range(text):
    low, _, high = text.partition("-")
    return list(range(int(low), int(high or low) + 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    examples = sub.add_parser("examples")
    examples.add_argument("openapi")
    responses = sub.add_parser("responses")
    responses.add_argument("openapi")
    responses.add_argument("record_dir")
    responses.add_argument("--statuses", type=parse_range, default=[])
    responses.add_argument("--crosscheck", metavar="EXE")
    args = parser.parse_args()
    contract = Contract(args.openapi)
    if args.command == "examples":
        problems, summary = check_examples(contract)
    else:
        problems, summary = check_responses(contract, args.record_dir, args.statuses, args.crosscheck)
    for problem in problems:
        print(f"CONTRACT: {problem}")
    if problems:
        print(f"{len(problems)} problems")
        return 1
    print(f"{args.openapi}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
