#include "kiosk/core/api/openapi_document.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "kiosk/core/api/dossier_mapping.hpp"
#include "kiosk/core/api/iso_time.hpp"
#include "kiosk/core/api/json_depth.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::core {
namespace {

using nlohmann::json;

// Schema keywords that change what validates, all implemented by Validator below.
constexpr std::array kValidationKeywords{"type",     "nullable",  "required",  "properties", "additionalProperties",
                                         "items",    "enum",      "minimum",   "maximum",    "minLength",
                                         "maxLength", "format",   "allOf",     "anyOf",      "oneOf",
                                         "$ref"};
// Keywords that only describe (OpenAPI 3.0 "annotations"); extensions "x-..." are allowed too.
constexpr std::array kAnnotationKeywords{"title", "description", "example", "default", "deprecated", "externalDocs"};
// A schema nested deeper than this (through $ref chains included) is treated as a loop.
constexpr int kMaxSchemaDepth = 64;

bool contains(const auto& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

std::string escapePointerToken(std::string_view token) {
    std::string out;
    for (const char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

// "#/components/schemas/Dossier" -> "/components/schemas/Dossier"; "" for refs to other documents.
std::string localPointer(const json& ref) {
    if (!ref.is_string()) return {};
    const auto& s = ref.get_ref<const std::string&>();
    if (!s.starts_with("#")) return {};
    return s.substr(1);
}

const json* at(const json& doc, const std::string& pointer) {
    try {
        const json::json_pointer p{pointer};
        if (!doc.contains(p)) return nullptr;
        return &doc.at(p);
    } catch (const json::exception&) {
        return nullptr;
    }
}

std::string typeName(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "integer";
        case json::value_t::number_float: return "number";
        case json::value_t::string: return "string";
        case json::value_t::array: return "array";
        case json::value_t::object: return "object";
        default: return "value";
    }
}

bool hasType(const json& v, std::string_view type) {
    if (type == "integer") {
        if (v.is_number_integer()) return true;
        // JSON Schema: 2.0 is an integer (a number with no fraction), as standard validators agree.
        return v.is_number_float() && std::isfinite(v.get<double>()) && std::floor(v.get<double>()) == v.get<double>();
    }
    if (type == "number") return v.is_number();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_boolean();
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    return false;
}

std::string childPath(const std::string& path, std::string_view key) {
    return path.empty() ? std::string{key} : path + "." + std::string{key};
}

std::string indexPath(const std::string& path, std::size_t i) {
    return (path.empty() ? std::string{"(top level)"} : path) + "[" + std::to_string(i) + "]";
}

// [SECTION] Loading: every schema the document holds must use only keywords Validator implements.

class SchemaLint {
public:
    explicit SchemaLint(const json& doc) : m_doc(doc) {}

    // Checks every "$ref" in the document resolves, and every schema's keywords.
    std::expected<void, std::string> run() {
        walkDocument(m_doc, "");
        if (!m_error.empty()) return std::unexpected(m_error);
        return {};
    }

private:
    void fail(std::string message) {
        if (m_error.empty()) m_error = std::move(message);
    }

    void walkDocument(const json& node, const std::string& pointer) {
        if (node.is_object()) {
            for (const auto& [key, value] : node.items()) {
                const std::string child = pointer + "/" + escapePointerToken(key);
                if (key == "$ref") {
                    const std::string target = localPointer(value);
                    if (target.empty() || at(m_doc, target) == nullptr) {
                        fail("$ref at " + pointer + " does not resolve inside the document");
                    }
                } else if (key == "schema" && value.is_object()) {
                    lintSchema(value, child, 0);
                } else if (pointer == "/components/schemas") {
                    lintSchema(value, child, 0);
                } else {
                    walkDocument(value, child);
                }
            }
        } else if (node.is_array()) {
            for (std::size_t i = 0; i < node.size(); ++i) walkDocument(node[i], pointer + "/" + std::to_string(i));
        }
    }

    void lintSchema(const json& schema, const std::string& pointer, int depth) {
        if (depth > kMaxSchemaDepth) return fail("schema at " + pointer + " nests too deep");
        if (!schema.is_object()) return fail("schema at " + pointer + " is not an object");
        for (const auto& [key, value] : schema.items()) {
            const std::string child = pointer + "/" + escapePointerToken(key);
            if (key.starts_with("x-") || contains(kAnnotationKeywords, key)) continue;
            if (!contains(kValidationKeywords, key)) {
                return fail("schema keyword '" + key + "' at " + pointer +
                            " is not implemented by the kiosk's contract validator (kiosk/core/api/openapi_document.cpp)");
            }
            if (key == "$ref") {
                const std::string target = localPointer(value);
                if (target.empty() || at(m_doc, target) == nullptr) fail("$ref at " + pointer + " does not resolve");
            } else if (key == "properties") {
                if (!value.is_object()) return fail("properties at " + pointer + " is not an object");
                for (const auto& [name, sub] : value.items()) lintSchema(sub, child + "/" + escapePointerToken(name), depth + 1);
            } else if (key == "items" || (key == "additionalProperties" && value.is_object())) {
                lintSchema(value, child, depth + 1);
            } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
                if (!value.is_array() || value.empty()) return fail(key + " at " + pointer + " is not a non-empty array");
                for (std::size_t i = 0; i < value.size(); ++i) lintSchema(value[i], child + "/" + std::to_string(i), depth + 1);
            } else if (key == "type") {
                static constexpr std::array kTypes{"string", "integer", "number", "boolean", "object", "array"};
                if (!value.is_string() || !contains(kTypes, value.get<std::string>())) {
                    fail("type at " + pointer + " is not one of the OpenAPI 3.0 types");
                }
            } else if (key == "required" || key == "enum") {
                if (!value.is_array()) fail(key + " at " + pointer + " is not an array");
            } else if (key == "nullable" && !value.is_boolean()) {
                fail("nullable at " + pointer + " is not a boolean");
            } else if (key == "nullable" && !schema.contains("type")) {
                // OpenAPI 3.0.3: nullable only adds null to a type given beside it; alone (say with
                // allOf) it does nothing, and tools disagree about it. Refused rather than guessed.
                fail("nullable at " + pointer + " has no type beside it, so it has no effect in OpenAPI 3.0.3");
            } else if (key == "format" && !value.is_string()) {
                fail("format at " + pointer + " is not a string");
            } else if ((key == "minimum" || key == "maximum") && !value.is_number()) {
                fail(key + " at " + pointer + " is not a number");
            } else if ((key == "minLength" || key == "maxLength") && !value.is_number_unsigned()) {
                fail(key + " at " + pointer + " is not a non-negative integer");
            } else if (key == "additionalProperties" && !value.is_boolean()) {
                fail("additionalProperties at " + pointer + " is neither a boolean nor a schema");
            }
        }
    }

    const json& m_doc;
    std::string m_error;
};

// [SECTION] Validation

class Validator {
public:
    Validator(const json& doc, SchemaReport& report) : m_doc(doc), m_report(report) {}

    void check(const json& schema, const json& value, const std::string& path, int depth) {
        if (depth > kMaxSchemaDepth) return issue(path, "$ref", "the contract's schema nests too deep");
        if (const auto ref = schema.find("$ref"); ref != schema.end()) {
            // OpenAPI 3.0: keywords beside a $ref are ignored.
            const json* target = at(m_doc, localPointer(*ref));
            if (target == nullptr) return issue(path, "$ref", "the contract's $ref does not resolve");
            return check(*target, value, path, depth + 1);
        }
        if (value.is_null() && schema.value("nullable", false)) return;  // (the document load ensured a type)
        if (const auto type = schema.find("type"); type != schema.end()) {
            const std::string expected = type->get<std::string>();
            if (!hasType(value, expected)) {
                return issue(path, "type", "expected " + expected + (schema.value("nullable", false) ? " or null" : "") +
                                               ", got " + typeName(value));
            }
        }
        if (const auto e = schema.find("enum"); e != schema.end() && std::find(e->begin(), e->end(), value) == e->end()) {
            std::string allowed;
            for (const auto& option : *e) allowed += (allowed.empty() ? "" : ", ") + option.dump();
            issue(path, "enum", "not one of the allowed values (" + allowed + ")");
        }
        if (value.is_number()) checkNumber(schema, value, path);
        if (value.is_string()) checkString(schema, value.get_ref<const std::string&>(), path);
        if (value.is_object()) checkObject(schema, value, path, depth);
        if (value.is_array()) {
            if (const auto items = schema.find("items"); items != schema.end()) {
                for (std::size_t i = 0; i < value.size(); ++i) check(*items, value[i], indexPath(path, i), depth + 1);
            }
        }
        checkCombinations(schema, value, path, depth);
    }

private:
    void issue(const std::string& path, std::string keyword, std::string message) {
        m_report.issues.push_back({path, std::move(keyword), std::move(message)});
    }

    void checkNumber(const json& schema, const json& value, const std::string& path) {
        const double v = value.get<double>();
        if (const auto m = schema.find("minimum"); m != schema.end() && m->is_number() && v < m->get<double>()) {
            issue(path, "minimum", "below the minimum " + m->dump());
        }
        if (const auto m = schema.find("maximum"); m != schema.end() && m->is_number() && v > m->get<double>()) {
            issue(path, "maximum", "above the maximum " + m->dump());
        }
    }

    void checkString(const json& schema, const std::string& s, const std::string& path) {
        const auto length = text::decode(s).size();  // JSON Schema counts characters, not bytes
        if (const auto m = schema.find("minLength"); m != schema.end() && m->is_number_unsigned() &&
                                                     length < m->get<std::size_t>()) {
            issue(path, "minLength", "shorter than " + m->dump() + " characters");
        }
        if (const auto m = schema.find("maxLength"); m != schema.end() && m->is_number_unsigned() &&
                                                     length > m->get<std::size_t>()) {
            issue(path, "maxLength", "longer than " + m->dump() + " characters");
        }
        if (schema.value("format", "") == "date-time") {
            ++m_report.dateTimesChecked;
            if (!parseIsoTime(s)) issue(path, "format", "not an ISO 8601 date-time with a UTC offset (e.g. 2024-10-15T08:30:00+07:00)");
        }
    }

    void checkObject(const json& schema, const json& value, const std::string& path, int depth) {
        if (const auto required = schema.find("required"); required != schema.end()) {
            for (const auto& name : *required) {
                if (name.is_string() && !value.contains(name.get<std::string>())) {
                    issue(childPath(path, name.get<std::string>()), "required", "required field missing");
                }
            }
        }
        const auto properties = schema.find("properties");
        const auto additional = schema.find("additionalProperties");
        for (const auto& [key, sub] : value.items()) {
            if (properties != schema.end() && properties->contains(key)) {
                check((*properties)[key], sub, childPath(path, key), depth + 1);
            } else if (additional != schema.end() && additional->is_object()) {
                check(*additional, sub, childPath(path, key), depth + 1);
            } else if (additional != schema.end() && additional->is_boolean() && !additional->get<bool>()) {
                issue(childPath(path, key), "additionalProperties", "field not allowed here");
            }
        }
    }

    void checkCombinations(const json& schema, const json& value, const std::string& path, int depth) {
        if (const auto all = schema.find("allOf"); all != schema.end()) {
            for (const auto& sub : *all) check(sub, value, path, depth + 1);
        }
        for (const char* keyword : {"anyOf", "oneOf"}) {
            const auto alternatives = schema.find(keyword);
            if (alternatives == schema.end()) continue;
            std::size_t matching = 0;
            for (const auto& sub : *alternatives) {
                SchemaReport trial;
                Validator{m_doc, trial}.check(sub, value, path, depth + 1);
                if (trial.issues.empty()) {
                    ++matching;
                    m_report.dateTimesChecked += trial.dateTimesChecked;
                }
            }
            if (matching == 0) issue(path, keyword, "matches none of the allowed shapes");
            if (matching > 1 && std::string_view{keyword} == "oneOf") issue(path, keyword, "matches more than one allowed shape");
        }
    }

    const json& m_doc;
    SchemaReport& m_report;
};

void collectNonNfc(const json& value, const std::string& path, std::vector<std::string>& out) {
    auto isNfc = [](const std::string& s) {
        const auto nfc = text::toNfc(s);
        return nfc && *nfc == s;
    };
    if (value.is_string()) {
        if (!isNfc(value.get_ref<const std::string&>())) out.push_back(path.empty() ? "(top level)" : path);
    } else if (value.is_object()) {
        for (const auto& [key, sub] : value.items()) {
            if (!isNfc(key)) out.push_back(childPath(path, key) + " (the field name)");
            collectNonNfc(sub, childPath(path, key), out);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) collectNonNfc(value[i], indexPath(path, i), out);
    }
}

}  // namespace

std::string SchemaIssue::text() const { return (path.empty() ? std::string{"top level"} : path) + ": " + message; }

std::expected<OpenApiDocument, std::string> OpenApiDocument::parse(std::string_view jsonText) {
    json doc = json::parse(jsonText, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return std::unexpected("the contract is not a JSON object");
    const std::string version = doc.value("openapi", "");
    if (!version.starts_with("3.0.")) return std::unexpected("the contract is not an OpenAPI 3.0 document");
    if (!doc.contains("paths") || !doc["paths"].is_object()) return std::unexpected("the contract has no paths");
    if (auto lint = SchemaLint{doc}.run(); !lint) return std::unexpected(lint.error());
    return OpenApiDocument{std::move(doc)};
}

std::string OpenApiDocument::version() const {
    const auto info = m_doc.find("info");
    if (info == m_doc.end() || !info->is_object()) return {};
    return info->value("version", "");
}

std::optional<ResponseSpec> OpenApiDocument::response(std::string_view pathTemplate, std::string_view method,
                                                      int status) const {
    const std::string base = "/paths/" + escapePointerToken(pathTemplate) + "/" + std::string{method} + "/responses";
    const json* responses = at(m_doc, base);
    if (responses == nullptr || !responses->is_object()) return std::nullopt;
    const std::string exact = std::to_string(status);
    const std::string range = std::to_string(status / 100) + "XX";
    for (const std::string& key : {exact, range, std::string{"default"}}) {
        if (!responses->contains(key)) continue;
        std::string pointer = base + "/" + escapePointerToken(key);
        const json* r = &(*responses)[key];
        if (r->contains("$ref")) {
            pointer = localPointer((*r)["$ref"]);
            r = at(m_doc, pointer);
            if (r == nullptr) return std::nullopt;
        }
        ResponseSpec spec;
        spec.key = key;
        spec.description = r->value("description", "");
        if (const auto content = r->find("content"); content != r->end() && content->is_object()) {
            for (const auto& [mediaType, media] : content->items()) {
                spec.mediaTypes.push_back(mediaType);
                if (!spec.schemaPointer.empty() || !media.contains("schema")) continue;
                const json& schema = media["schema"];
                if (schema.contains("$ref")) {
                    spec.schemaPointer = localPointer(schema["$ref"]);
                    spec.schemaName = spec.schemaPointer.substr(spec.schemaPointer.rfind('/') + 1);
                } else {
                    spec.schemaPointer = pointer + "/content/" + escapePointerToken(mediaType) + "/schema";
                }
            }
        }
        if (const auto headers = r->find("headers"); headers != r->end() && headers->is_object()) {
            for (const auto& [name, header] : headers->items()) {
                if (header.is_object() && header.value("required", false)) spec.requiredHeaders.push_back(name);
            }
        }
        return spec;
    }
    return std::nullopt;
}

SchemaReport OpenApiDocument::validate(std::string_view schemaPointer, const nlohmann::json& value) const {
    SchemaReport report;
    const json* schema = at(m_doc, std::string{schemaPointer});
    if (schema == nullptr || !schema->is_object()) {
        report.issues.push_back({"", "$ref", "the contract has no schema at " + std::string{schemaPointer}});
        return report;
    }
    Validator{m_doc, report}.check(*schema, value, "", 0);
    return report;
}

std::expected<nlohmann::json, std::string> parseJsonBody(std::string_view body) {
    if (body.empty()) return std::unexpected("the body is empty");
    if (!detail::jsonDepthWithin(body, kMaxJsonDepth)) {
        return std::unexpected("the JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return std::unexpected("the body is not valid JSON in UTF-8");
    return doc;
}

std::vector<std::string> nonNfcTextPaths(const nlohmann::json& value) {
    std::vector<std::string> out;
    collectNonNfc(value, "", out);
    return out;
}

}  // namespace kiosk::core
