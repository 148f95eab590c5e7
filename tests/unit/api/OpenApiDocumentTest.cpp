// OpenApiDocument: the contract as data for `kiosk check-backend`. Small documents written here exercise
// each keyword; the real docs/api/openapi.yaml is checked against python3-jsonschema by the contract
// tests (tests/integration/contract).

#include <gtest/gtest.h>

#include "kiosk/core/api/openapi_document.hpp"

using namespace kiosk::core;
using nlohmann::json;

namespace {

// A document with one operation, an Error schema, and the schemas under test (`schemas`: members of a
// JSON object, without the braces).
std::string document(const std::string& schemas) {
    return R"({"openapi":"3.0.3","info":{"title":"t","version":"9.8.7"},
      "paths":{"/things/{id}":{"get":{"responses":{
        "200":{"description":"ok","headers":{"ETag":{"required":true,"schema":{"type":"string"}},
                                             "X-Other":{"schema":{"type":"string"}}},
               "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
        "304":{"description":"not modified"},
        "404":{"$ref":"#/components/responses/NotFound"},
        "5XX":{"description":"server","content":{"application/json":{"schema":{"type":"object","required":["error"]}}}}}}}},
      "components":{"responses":{"NotFound":{"description":"nf","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}},
                    "schemas":{"Error":{"type":"object","required":["error"]},)" + schemas + "}}}";
}

const std::string kSchemas = R"(
  "Time":{"type":"string","format":"date-time"},
  "Thing":{"type":"object","required":["id","count"],"additionalProperties":false,"properties":{
    "id":{"type":"string","minLength":2,"maxLength":4},
    "count":{"type":"integer","minimum":0,"maximum":10},
    "ratio":{"type":"number"},
    "note":{"type":"string","nullable":true},
    "level":{"type":"string","enum":["low","high"]},
    "when":{"$ref":"#/components/schemas/Time"},
    "tags":{"type":"array","items":{"type":"string"}},
    "extra":{"type":"object","additionalProperties":{"type":"integer"}},
    "either":{"anyOf":[{"type":"string"},{"type":"integer"}]},
    "one":{"oneOf":[{"type":"integer"},{"type":"number","minimum":5}]},
    "both":{"allOf":[{"type":"integer"},{"minimum":3}]}}})";

OpenApiDocument load() {
    auto doc = OpenApiDocument::parse(document(kSchemas));
    EXPECT_TRUE(doc) << (doc ? "" : doc.error());
    return std::move(*doc);
}

std::vector<std::string> issues(const json& value) {
    std::vector<std::string> out;
    for (const auto& i : load().validate("/components/schemas/Thing", value).issues) out.push_back(i.text());
    return out;
}

}  // namespace

TEST(OpenApiDocumentTest, RefusesWhatItCannotJudgeBy) {
    EXPECT_FALSE(OpenApiDocument::parse("not json"));
    EXPECT_FALSE(OpenApiDocument::parse(R"({"openapi":"2.0","paths":{}})"));
    EXPECT_FALSE(OpenApiDocument::parse(R"({"openapi":"3.0.3"})"));
    auto dangling = OpenApiDocument::parse(document(R"("Thing":{"$ref":"#/components/schemas/Nothing"})"));
    ASSERT_FALSE(dangling);
    EXPECT_NE(dangling.error().find("does not resolve"), std::string::npos) << dangling.error();
    // A keyword the validator does not implement would be a rule check-backend silently ignores.
    auto pattern = OpenApiDocument::parse(document(R"("Thing":{"type":"string","pattern":"^a"})"));
    ASSERT_FALSE(pattern);
    EXPECT_NE(pattern.error().find("'pattern'"), std::string::npos) << pattern.error();
    EXPECT_NE(pattern.error().find("/components/schemas/Thing"), std::string::npos) << pattern.error();
    EXPECT_FALSE(OpenApiDocument::parse(document(R"("Thing":{"type":"text"})")));
    EXPECT_FALSE(OpenApiDocument::parse(document(R"("Thing":{"type":"string","nullable":"yes"})")));
    // The ambiguous OpenAPI 3.0 form the contract once used: nullable beside allOf, with no type.
    EXPECT_FALSE(OpenApiDocument::parse(document(R"("Thing":{"allOf":[{"type":"string"}],"nullable":true})")));
    // Descriptions, examples and extensions are fine.
    EXPECT_TRUE(OpenApiDocument::parse(document(R"("Thing":{"type":"string","description":"d","example":"x","x-note":1})")));
}

TEST(OpenApiDocumentTest, FindsTheDeclaredResponse) {
    const auto doc = load();
    EXPECT_EQ(doc.version(), "9.8.7");
    const auto ok = doc.response("/things/{id}", "get", 200);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->key, "200");
    EXPECT_EQ(ok->schemaName, "Thing");
    EXPECT_EQ(ok->schemaPointer, "/components/schemas/Thing");
    EXPECT_EQ(ok->mediaTypes, std::vector<std::string>{"application/json"});
    EXPECT_EQ(ok->requiredHeaders, std::vector<std::string>{"ETag"});
    const auto notModified = doc.response("/things/{id}", "get", 304);
    ASSERT_TRUE(notModified);
    EXPECT_TRUE(notModified->mediaTypes.empty());
    EXPECT_TRUE(notModified->schemaPointer.empty());
    const auto missing = doc.response("/things/{id}", "get", 404);  // through components/responses
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->schemaName, "Error");
    const auto server = doc.response("/things/{id}", "get", 503);  // the 5XX range
    ASSERT_TRUE(server);
    EXPECT_EQ(server->key, "5XX");
    EXPECT_TRUE(server->schemaName.empty());
    EXPECT_FALSE(server->schemaPointer.empty());
    EXPECT_FALSE(doc.response("/things/{id}", "get", 401));
    EXPECT_FALSE(doc.response("/things/{id}", "post", 200));
    EXPECT_FALSE(doc.response("/other", "get", 200));
}

TEST(OpenApiDocumentTest, AcceptsAConformingValue) {
    EXPECT_TRUE(issues(json::parse(R"({"id":"ab","count":0,"ratio":0.5,"note":null,"level":"low",
        "when":"2024-10-15T08:30:00+07:00","tags":["a"],"extra":{"k":1},"either":3,"one":2,"both":4})")).empty());
    EXPECT_TRUE(issues(json::parse(R"({"id":"ab","count":2.0})")).empty());  // 2.0 is an integer in JSON Schema
}

TEST(OpenApiDocumentTest, NamesEveryWayAValueBreaksItsSchema) {
    EXPECT_EQ(issues(json::parse(R"({"count":1})")), std::vector<std::string>{"id: required field missing"});
    EXPECT_EQ(issues(json::parse(R"({"id":5,"count":1})")), std::vector<std::string>{"id: expected string, got integer"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1.5})")), std::vector<std::string>{"count: expected integer, got number"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":11})")), std::vector<std::string>{"count: above the maximum 10"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":-1})")), std::vector<std::string>{"count: below the minimum 0"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1,"note":3})")), std::vector<std::string>{"note: expected string or null, got integer"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1,"level":"mid"})")),
              std::vector<std::string>{R"(level: not one of the allowed values ("low", "high"))"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1,"tags":["a",2]})")), std::vector<std::string>{"tags[1]: expected string, got integer"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1,"extra":{"k":"v"}})")), std::vector<std::string>{"extra.k: expected integer, got string"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1,"surprise":true})")), std::vector<std::string>{"surprise: field not allowed here"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1,"either":true})")), std::vector<std::string>{"either: matches none of the allowed shapes"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1,"one":7})")), std::vector<std::string>{"one: matches more than one allowed shape"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ab","count":1,"both":2})")), std::vector<std::string>{"both: below the minimum 3"});
    EXPECT_EQ(issues(json::parse("[]")), std::vector<std::string>{"top level: expected object, got array"});
}

TEST(OpenApiDocumentTest, CountsCharactersNotBytes) {
    EXPECT_TRUE(issues(json::parse(R"({"id":"Đức","count":1})")).empty());  // 3 characters, 6 bytes
    EXPECT_EQ(issues(json::parse(R"({"id":"Nguyễn","count":1})")), std::vector<std::string>{"id: longer than 4 characters"});
    EXPECT_EQ(issues(json::parse(R"({"id":"ễ","count":1})")), std::vector<std::string>{"id: shorter than 2 characters"});
}

TEST(OpenApiDocumentTest, TimesNeedAnOffsetAndAreCounted) {
    const auto doc = load();
    const auto good = doc.validate("/components/schemas/Thing", json::parse(R"({"id":"ab","count":1,"when":"2024-10-15T01:30:00Z"})"));
    EXPECT_TRUE(good.issues.empty());
    EXPECT_EQ(good.dateTimesChecked, 1u);
    const auto bad = doc.validate("/components/schemas/Thing", json::parse(R"({"id":"ab","count":1,"when":"2024-10-15T08:30:00"})"));
    ASSERT_EQ(bad.issues.size(), 1u);
    EXPECT_EQ(bad.issues[0].keyword, "format");
    EXPECT_EQ(bad.issues[0].path, "when");
    EXPECT_EQ(doc.validate("/components/schemas/Thing", json::parse(R"({"id":"ab","count":1})")).dateTimesChecked, 0u);
}

TEST(OpenApiDocumentTest, ALoopOfReferencesIsAnIssueNotACrash) {
    auto doc = OpenApiDocument::parse(document(R"("Thing":{"$ref":"#/components/schemas/Other"},
                                                   "Other":{"$ref":"#/components/schemas/Thing"})"));
    ASSERT_TRUE(doc) << doc.error();
    const auto report = doc->validate("/components/schemas/Thing", json::object());
    ASSERT_FALSE(report.issues.empty());
    EXPECT_EQ(report.issues[0].keyword, "$ref");
    EXPECT_FALSE(doc->validate("/components/schemas/Missing", json::object()).issues.empty());
}

TEST(OpenApiDocumentTest, FindsTextThatIsNotNfc) {
    const std::string nfc = "Nguy\u1EC5n";         // precomposed ễ
    const std::string nfd = "Nguye\u0302\u0303n";  // e + combining circumflex + combining tilde
    EXPECT_TRUE(nonNfcTextPaths(json{{"name", nfc}, {"list", {nfc}}}).empty());
    EXPECT_EQ(nonNfcTextPaths(json{{"a", {{"name", nfd}}}, {"list", {nfc, nfd}}}),
              (std::vector<std::string>{"a.name", "list[1]"}));
    EXPECT_EQ(nonNfcTextPaths(json{{nfd, 1}}), std::vector<std::string>{nfd + " (the field name)"});
    EXPECT_EQ(nonNfcTextPaths(json(nfd)), std::vector<std::string>{"(top level)"});
}

TEST(OpenApiDocumentTest, ParsesBodiesAsTheKioskDoes) {
    EXPECT_TRUE(parseJsonBody(R"({"a":[1,2]})"));
    EXPECT_FALSE(parseJsonBody(""));
    EXPECT_FALSE(parseJsonBody("{\"a\":"));
    EXPECT_FALSE(parseJsonBody("\"\xff\""));  // not UTF-8
    EXPECT_FALSE(parseJsonBody(std::string(100, '[') + std::string(100, ']')));
}
