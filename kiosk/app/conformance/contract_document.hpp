#pragma once
// The backend contract the kiosk was built with: docs/api/openapi.yaml, converted to JSON and embedded
// by the build (embed_contract.py), so `kiosk check-backend` needs no file at run time and can never
// judge by a copy of the contract's rules.

#include <expected>
#include <string>
#include <string_view>

#include "kiosk/core/api/openapi_document.hpp"

namespace kiosk::app {

/// @return docs/api/openapi.yaml as JSON text (generated source)
std::string_view embeddedContractJson();

/// The embedded contract, parsed once.
/// @return the document, or why it cannot be used (a build error, in practice: a schema keyword the
///         validator does not implement; the contract tests catch it first)
const std::expected<core::OpenApiDocument, std::string>& embeddedContract();

}  // namespace kiosk::app
