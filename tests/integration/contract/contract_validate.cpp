// kiosk_contract_validate: the kiosk's own contract validator (kiosk/core/api/openapi_document.hpp with
// the contract embedded in the kiosk) as a filter, so contract_check.py can hold it to the verdicts of a
// standard JSON Schema validator on every recorded answer.
// stdin:  one JSON object per line: {"template": "/api/v1/dossiers/{code}", "method": "get", "status": 200, "body": "..."}
// stdout: one JSON object per line: {"json": true, "schema_ok": false, "nfc_ok": true}
// Exit 0; 1 when the embedded contract is unusable or a line is not such an object.

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "kiosk/app/conformance/contract_document.hpp"
#include "kiosk/core/api/openapi_document.hpp"

int main() {
    using nlohmann::json;
    const auto& contract = kiosk::app::embeddedContract();
    if (!contract) {
        std::cerr << "kiosk_contract_validate: " << contract.error() << "\n";
        return 1;
    }
    std::string line;
    while (std::getline(std::cin, line)) {
        const json c = json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!c.is_object() || !c.contains("template") || !c.contains("method") || !c.contains("status") || !c.contains("body")) {
            std::cerr << "kiosk_contract_validate: not a case: " << line.substr(0, 80) << "\n";
            return 1;
        }
        json answer;
        const auto body = kiosk::core::parseJsonBody(c["body"].get<std::string>());
        answer["json"] = body.has_value();
        if (body) {
            const auto spec = contract->response(c["template"].get<std::string>(), c["method"].get<std::string>(), c["status"].get<int>());
            const bool hasSchema = spec && !spec->schemaPointer.empty();
            answer["schema_ok"] = !hasSchema || contract->validate(spec->schemaPointer, *body).issues.empty();
            answer["nfc_ok"] = kiosk::core::nonNfcTextPaths(*body).empty();
        }
        std::cout << answer.dump() << "\n";
    }
    return 0;
}
