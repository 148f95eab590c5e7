#!/usr/bin/python3
"""Embeds docs/api/openapi.yaml in the kiosk binary, as JSON, for `kiosk check-backend`.

Usage: embed_contract.py OPENAPI.yaml OUTPUT.cpp
Run by the build (kiosk/app/conformance/CMakeLists.txt) whenever the contract changes, so the checks
always come from the document itself. Needs python3-yaml (packaging/install-deps.sh).
"""
import json
import sys

import yaml

DELIMITER = "kiosk_contract"


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: embed_contract.py OPENAPI.yaml OUTPUT.cpp", file=sys.stderr)
        return 2
    source, output = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    # ASCII-only JSON (\\u escapes) keeps the C++ literal independent of the source charset.
    text = json.dumps(document, ensure_ascii=True, sort_keys=False, separators=(",", ":"))
    if ")" + DELIMITER + '"' in text:
        print(f"{source}: contains the raw-string delimiter {DELIMITER}", file=sys.stderr)
        return 1
    chunks = [text[i:i + 8000] for i in range(0, len(text), 8000)]  # under every compiler's literal limit
    body = "\n".join(f'    R"{DELIMITER}({chunk}){DELIMITER}"' for chunk in chunks)
    with open(output, "w", encoding="ascii") as f:
        f.write(f"""// Generated at build time from docs/api/openapi.yaml by kiosk/app/conformance/embed_contract.py. Do not edit.
#include "kiosk/app/conformance/contract_document.hpp"

namespace kiosk::app {{

std::string_view embeddedContractJson() {{
    static constexpr char kText[] =
{body};
    return {{kText, sizeof kText - 1}};
}}

}}  // namespace kiosk::app
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
