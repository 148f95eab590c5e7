#pragma once
// The backend contract (docs/api/openapi.yaml) as data, for checking answers against it at run time.
//
// `kiosk check-backend` judges an integrator's adapter by the contract document itself, never by a
// copy of its rules: the build embeds docs/api/openapi.yaml (as JSON) and this class answers "which
// response does the contract declare for this operation and status" and "does this JSON body match
// that response's schema". Schemas are OpenAPI 3.0 Schema Objects; the keywords the contract uses are
// implemented here (type, nullable, required, properties, additionalProperties, items, enum, minimum,
// maximum, minLength, maxLength, format date-time, allOf, anyOf, oneOf, local $ref). A document that
// uses any other validation keyword is refused when it is loaded, so the contract cannot grow a rule
// that the check silently ignores. The contract tests cross-check these answers against a standard
// JSON Schema validator (tests/integration/contract/).

#include <cstddef>
#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

/// One way a JSON value breaks its schema. Messages name the expected shape, never the value (a
/// body may hold personal data).
struct SchemaIssue {
    std::string path;     ///< where in the body: "history[2].at"; empty for the top level
    std::string keyword;  ///< the schema keyword that failed: "type", "required", "format", ...
    std::string message;  ///< for an integrator: "expected integer, got string"

    /// @return "history[2].at: message" (or "top level: message")
    [[nodiscard]] std::string text() const;
};

/// The result of validating one value: the issues, and how many date-time values were checked (so a
/// caller can tell "every time has an offset" from "there were no times").
struct SchemaReport {
    std::vector<SchemaIssue> issues;
    std::size_t dateTimesChecked = 0;
};

/// A response the contract declares for one operation and status.
struct ResponseSpec {
    std::string key;             ///< as written in the document: "200", "5XX" or "default"
    std::string description;
    std::vector<std::string> mediaTypes;       ///< e.g. {"application/json"}; empty = no body declared
    std::string schemaPointer;   ///< JSON pointer of the body schema ("" when there is none)
    std::string schemaName;      ///< "Dossier" when the schema is a $ref to components/schemas
    std::vector<std::string> requiredHeaders;  ///< header names marked required, e.g. {"ETag"}
};

class OpenApiDocument {
public:
    /// Loads an OpenAPI 3.0 document given as JSON text.
    /// @return the document, or a message naming what is unusable (not JSON, no paths, a $ref that does
    ///         not resolve, a schema keyword this validator does not implement)
    static std::expected<OpenApiDocument, std::string> parse(std::string_view jsonText);

    /// @return info.version, e.g. "1.1.0"
    [[nodiscard]] std::string version() const;

    /// The response declared for `method` (lower case, "get") on `pathTemplate` (as written in the
    /// document, "/api/v1/dossiers/{code}") and `status`: the exact status first, then its class
    /// ("5XX"), then "default".
    /// @return the response, or std::nullopt when the contract declares no such answer
    [[nodiscard]] std::optional<ResponseSpec> response(std::string_view pathTemplate, std::string_view method,
                                                       int status) const;

    /// Validates `value` against the schema at `schemaPointer` (a ResponseSpec's schemaPointer, or
    /// "/components/schemas/Dossier").
    /// @return every issue found (empty when it conforms) and the number of date-time values checked
    [[nodiscard]] SchemaReport validate(std::string_view schemaPointer, const nlohmann::json& value) const;

private:
    explicit OpenApiDocument(nlohmann::json doc) : m_doc(std::move(doc)) {}
    nlohmann::json m_doc;
};

/// Parses an answer's body as the kiosk does: nesting deeper than kMaxJsonDepth is refused before
/// parsing (dossier_mapping.hpp), and so is invalid JSON or UTF-8.
/// @return the JSON value, or why it is not usable ("body is not valid JSON")
std::expected<nlohmann::json, std::string> parseJsonBody(std::string_view body);

/// Strings in `value` (object keys and string values) that are not in Unicode NFC.
/// @return their paths ("procedure.name", "history[0].unit"); empty when all text is NFC
std::vector<std::string> nonNfcTextPaths(const nlohmann::json& value);

}  // namespace kiosk::core
