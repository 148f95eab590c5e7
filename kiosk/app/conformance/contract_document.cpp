#include "kiosk/app/conformance/contract_document.hpp"

namespace kiosk::app {

const std::expected<core::OpenApiDocument, std::string>& embeddedContract() {
    static const auto document = core::OpenApiDocument::parse(embeddedContractJson());
    return document;
}

}  // namespace kiosk::app
