#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/core/api/dossier_mapping.hpp"

using namespace kiosk::core;
using nlohmann::json;

namespace {

json fullDossier() {
    return json::parse(R"({
      "code": "000.00.06.H56-231027-0361",
      "status": 5,
      "procedure": {"code": "1.001022", "name": "Cấp Phiếu lý lịch tư pháp"},
      "agency": "Sở Tư pháp tỉnh Quảng Nam",
      "applicant_name": "Nguyễn Văn An",
      "received_at": "2023-10-27T08:15:00+07:00",
      "due_at": "2023-11-10T17:00:00+07:00",
      "finished_at": null,
      "history": [{"at": "2023-10-27T08:15:00+07:00", "unit": "Bộ phận Một cửa", "action": "Tiếp nhận hồ sơ"},
                  {"at": "2023-10-28T09:00:00+07:00", "unit": "Phòng Hành chính tư pháp", "action": "Thẩm định",
                   "note": "Gọi 0912345678 để bổ sung"}],
      "missing_documents": [{"name": "Bản sao Căn cước công dân", "note": "bản sao có chứng thực"}],
      "fees": [{"description": "Lệ phí", "amount_vnd": 200000, "paid": false, "how_to_pay": "Nộp tại quầy",
                "pay_url": "https://dichvucong.quangnam.gov.vn/pay"}],
      "pickup": {"place": "Bộ phận Một cửa, tầng 1", "counter": "Quầy số 3", "from": "2023-11-10T08:00:00+07:00"},
      "result_delivery": {"online": true, "description": "Kết quả điện tử"},
      "note": "Mang theo giấy hẹn",
      "public_url": "https://dichvucong.quangnam.gov.vn/tra-cuu?MHS=000.00.06.H56-231027-0361",
      "some_future_field": {"x": 1}
    })");
}

LookupError mapError(const json& j) {
    auto r = mapDossier(j.dump());
    EXPECT_FALSE(r);
    return r ? LookupError{} : r.error();
}

}  // namespace

TEST(DossierMappingTest, MapsEveryContractField) {
    auto r = mapDossier(fullDossier().dump(), "000.00.06.H56-231027-0361");
    ASSERT_TRUE(r) << r.error().diagnostic;
    const Dossier& d = *r;
    EXPECT_EQ(d.code, "000.00.06.H56-231027-0361");
    EXPECT_EQ(d.status, DossierStatus::NeedsDocuments);
    EXPECT_EQ(d.rawStatus, 5);
    EXPECT_EQ(d.procedureCode, "1.001022");
    EXPECT_EQ(d.procedureName, "Cấp Phiếu lý lịch tư pháp");
    EXPECT_EQ(d.agency, "Sở Tư pháp tỉnh Quảng Nam");
    ASSERT_TRUE(d.due);
    EXPECT_EQ(d.due->offset, std::chrono::minutes{420});
    EXPECT_FALSE(d.finished);
    ASSERT_EQ(d.history.size(), 2u);
    EXPECT_EQ(d.history[1].unit, "Phòng Hành chính tư pháp");
    ASSERT_EQ(d.missingDocuments.size(), 1u);
    EXPECT_EQ(d.missingDocuments[0].note, "bản sao có chứng thực");
    ASSERT_EQ(d.fees.size(), 1u);
    EXPECT_EQ(d.fees[0].amountVnd, 200000);
    EXPECT_FALSE(d.fees[0].paid);
    ASSERT_TRUE(d.pickup);
    EXPECT_EQ(d.pickup->counter, "Quầy số 3");
    EXPECT_TRUE(d.resultOnline);
    EXPECT_EQ(d.backendNote, "Mang theo giấy hẹn");
    EXPECT_FALSE(d.publicLookupUrl.empty());
}

TEST(DossierMappingTest, MasksApplicantNameAndNumbersInText) {
    auto r = mapDossier(fullDossier().dump());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->applicantMasked.find("Văn"), std::string::npos);
    EXPECT_EQ(r->applicantMasked.find("An"), std::string::npos);
    EXPECT_TRUE(r->applicantMasked.starts_with("Nguyễn"));
    EXPECT_EQ(r->history[1].note.find("0912345678"), std::string::npos);
}

TEST(DossierMappingTest, AlreadyMaskedNameStaysMasked) {
    auto j = fullDossier();
    j["applicant_name"] = "Nguyễn V** A*";
    auto r = mapDossier(j.dump());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->applicantMasked.find("Văn"), std::string::npos);
    EXPECT_TRUE(r->applicantMasked.starts_with("Nguyễn"));
}

TEST(DossierMappingTest, MinimalDossierNeedsOnlyCodeStatusProcedureName) {
    auto r = mapDossier(R"({"code":"000.00.06.H56-231027-0361","status":1,"procedure":{"name":"X"}})");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, DossierStatus::Registered);
    EXPECT_TRUE(r->history.empty());
    EXPECT_FALSE(r->due);
    EXPECT_FALSE(r->pickup);
}

TEST(DossierMappingTest, EveryStatus1To10MapsAndOthersAreUnknown) {
    for (int s = 1; s <= 10; ++s) {
        auto j = fullDossier();
        j["status"] = s;
        auto r = mapDossier(j.dump());
        ASSERT_TRUE(r);
        EXPECT_EQ(static_cast<int>(r->status), s);
    }
    for (long long s : {0LL, 11LL, -1LL, 99999999999LL}) {
        auto j = fullDossier();
        j["status"] = s;
        auto r = mapDossier(j.dump());
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, DossierStatus::Unknown);
        EXPECT_EQ(r->rawStatus, s);
    }
}

TEST(DossierMappingTest, MissingRequiredFieldsNameTheirPath) {
    auto j = fullDossier();
    j.erase("code");
    EXPECT_EQ(mapError(j).diagnostic, "code: missing (required string)");
    j = fullDossier();
    j.erase("status");
    EXPECT_EQ(mapError(j).diagnostic, "status: missing (required integer)");
    j = fullDossier();
    j.erase("procedure");
    EXPECT_EQ(mapError(j).diagnostic, "procedure: missing (required object)");
    j = fullDossier();
    j["procedure"].erase("name");
    EXPECT_EQ(mapError(j).diagnostic, "procedure.name: missing (required string)");
    j = fullDossier();
    j["history"][1].erase("at");
    EXPECT_EQ(mapError(j).diagnostic, "history[1].at: missing (required ISO 8601 time)");
    j = fullDossier();
    j["fees"][0].erase("paid");
    EXPECT_EQ(mapError(j).diagnostic, "fees[0].paid: missing (required boolean)");
    j = fullDossier();
    j["pickup"].erase("place");
    EXPECT_EQ(mapError(j).diagnostic, "pickup.place: missing (required string)");
    j = fullDossier();
    j["result_delivery"].erase("online");
    EXPECT_EQ(mapError(j).diagnostic, "result_delivery.online: missing (required boolean)");
}

TEST(DossierMappingTest, WrongTypesAreBadResponseNamingThePath) {
    struct Case {
        json::json_pointer pointer;
        json value;
        std::string pathPrefix;
    };
    const std::vector<Case> cases = {
        {json::json_pointer{"/status"}, "4", "status:"},
        {json::json_pointer{"/status"}, 4.5, "status:"},
        {json::json_pointer{"/code"}, 42, "code:"},
        {json::json_pointer{"/procedure"}, "x", "procedure:"},
        {json::json_pointer{"/due_at"}, 1700000000, "due_at:"},
        {json::json_pointer{"/due_at"}, "2023-11-10", "due_at:"},
        {json::json_pointer{"/history"}, json::object(), "history:"},
        {json::json_pointer{"/history/0"}, "step", "history[0]:"},
        {json::json_pointer{"/history/0/unit"}, json::array(), "history[0].unit:"},
        {json::json_pointer{"/fees/0/amount_vnd"}, "200000", "fees[0].amount_vnd:"},
        {json::json_pointer{"/fees/0/amount_vnd"}, -5, "fees[0].amount_vnd:"},
        {json::json_pointer{"/fees/0/paid"}, 0, "fees[0].paid:"},
        {json::json_pointer{"/missing_documents/0/name"}, true, "missing_documents[0].name:"},
        {json::json_pointer{"/pickup"}, json::array(), "pickup:"},
        {json::json_pointer{"/pickup/from"}, "tomorrow", "pickup.from:"},
        {json::json_pointer{"/note"}, 5, "note:"},
        {json::json_pointer{"/agency"}, json::object(), "agency:"},
        {json::json_pointer{"/applicant_name"}, 1, "applicant_name:"},
    };
    for (const auto& c : cases) {
        auto j = fullDossier();
        j[c.pointer] = c.value;
        const LookupError e = mapError(j);
        EXPECT_EQ(e.kind, LookupErrorKind::BadResponse) << c.pointer.to_string();
        EXPECT_TRUE(e.diagnostic.starts_with(c.pathPrefix)) << c.pointer.to_string() << " -> " << e.diagnostic;
    }
}

TEST(DossierMappingTest, NullOptionalFieldsAreAccepted) {
    auto j = fullDossier();
    for (const char* key : {"agency", "applicant_name", "received_at", "due_at", "finished_at", "history",
                            "missing_documents", "fees", "pickup", "result_delivery", "note", "public_url"}) {
        j[key] = nullptr;
    }
    auto r = mapDossier(j.dump());
    ASSERT_TRUE(r) << r.error().diagnostic;
    EXPECT_TRUE(r->applicantMasked.empty());
}

TEST(DossierMappingTest, DiagnosticsNeverCarryValues) {
    auto j = fullDossier();
    j["due_at"] = "Nguyễn Văn An 001099012345";
    const LookupError e = mapError(j);
    EXPECT_EQ(e.diagnostic.find("001099012345"), std::string::npos);
    EXPECT_EQ(e.diagnostic.find("Nguyễn"), std::string::npos);
}

TEST(DossierMappingTest, CodeMustMatchTheRequest) {
    auto r = mapDossier(fullDossier().dump(), "000.00.06.H56-231027-0362");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().diagnostic, "code: does not match the requested code");
}

TEST(DossierMappingTest, NotJsonOrNotAnObjectIsBadResponse) {
    for (const char* bad : {"", "{", "<html></html>", "[]", "null", "42", "\"x\"", "{\"code\":\"a\",}"}) {
        auto r = mapDossier(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().kind, LookupErrorKind::BadResponse);
    }
}

TEST(DossierMappingTest, DeepNestingIsRefusedBeforeParsing) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto r = mapDossier(deep);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().diagnostic.find("nests deeper"), std::string::npos);
}

TEST(DossierMappingTest, TextIsNormalisedToNfc) {
    auto j = fullDossier();
    j["procedure"]["name"] = "Tha\xCC\x82\xCC\x89m \xC4\x91i\xCC\xA3nh";  // "Thẩm định" decomposed
    auto r = mapDossier(j.dump());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->procedureName, "Thẩm định");
}

TEST(DossierMappingTest, EscapedControlCharactersBecomeSpaces) {
    std::string body = fullDossier().dump();
    const std::string from = "\"Mang theo giấy hẹn\"";
    body.replace(body.find(from), from.size(), "\"Mang\\u0001theo\\u0007 gi\\u001b\"");
    auto r = mapDossier(body);
    ASSERT_TRUE(r) << r.error().diagnostic;
    EXPECT_EQ(r->backendNote, "Mang theo  gi");
}

TEST(DossierMappingTest, InvalidUtf8IsBadResponseNotCrash) {
    // JSON must be UTF-8; nlohmann-json refuses raw invalid bytes, and so does the mapping.
    std::string body = fullDossier().dump();
    const std::string from = "\"Mang theo giấy hẹn\"";
    body.replace(body.find(from), from.size(), "\"Mang \xFF\xC3\"");
    auto r = mapDossier(body);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LookupErrorKind::BadResponse);
}

TEST(DossierMappingTest, UnsafePublicLinksAreDropped) {
    auto j = fullDossier();
    j["public_url"] = "https://portal/tra-cuu?SGT=001099012345&MHS=x";
    EXPECT_TRUE(mapDossier(j.dump())->publicLookupUrl.empty());
    j["public_url"] = "javascript:alert(1)";
    EXPECT_TRUE(mapDossier(j.dump())->publicLookupUrl.empty());
}

TEST(DossierMappingTest, ReceiptTokenReplyMapsToCode) {
    EXPECT_EQ(*mapReceiptToken(R"({"code":"000.00.06.H56-231027-0361"})"), "000.00.06.H56-231027-0361");
    EXPECT_EQ(mapReceiptToken(R"({"code":5})").error().diagnostic, "code: expected a string, got number");
    EXPECT_EQ(mapReceiptToken(R"({})").error().kind, LookupErrorKind::BadResponse);
    EXPECT_EQ(mapReceiptToken(R"({"code":""})").error().kind, LookupErrorKind::BadResponse);
}

TEST(DossierMappingTest, OutputJsonHasTheCliKeys) {
    auto r = mapDossier(fullDossier().dump());
    ASSERT_TRUE(r);
    const json out = json::parse(dossierToJson(*r));
    EXPECT_EQ(out["code"], "000.00.06.H56-231027-0361");
    EXPECT_EQ(out["status"], 5);
    EXPECT_EQ(out["due"], "2023-11-10T17:00:00+07:00");
    EXPECT_TRUE(out["finished"].is_null());
    EXPECT_EQ(out["fees"][0]["amount_vnd"], 200000);
    EXPECT_EQ(out["applicant"].get<std::string>().find("Văn"), std::string::npos);
    auto unknown = fullDossier();
    unknown["status"] = 42;
    EXPECT_TRUE(json::parse(dossierToJson(*mapDossier(unknown.dump())))["status"].is_null());
}

// Regression (issue 15): U+202E and the other bidi controls from the backend were kept in names and
// notes, so a note could read backwards on screen and on the slip.
TEST(DossierMappingTest, BidiControlsAreRemoved) {
    json j = fullDossier();
    j["applicant_name"] = "Nguy\u1ec5n \u202eV\u0103n An\u202c";
    j["note"] = "\u2067Mang theo\u2069 gi\u1ea5y h\u1eb9n\u200f";
    j["history"][0]["action"] = "\u202aTi\u1ebfp nh\u1eadn\u202d \u061c";
    j["missing_documents"][0]["name"] = "\u2066B\u1ea3n sao\u2068";
    auto d = mapDossier(j.dump());
    ASSERT_TRUE(d) << d.error().diagnostic;
    EXPECT_EQ(d->applicantMasked, "Nguy\u1ec5n V** A*");
    EXPECT_EQ(d->backendNote, "Mang theo gi\u1ea5y h\u1eb9n");
    EXPECT_EQ(d->history[0].action, "Ti\u1ebfp nh\u1eadn");
    EXPECT_EQ(d->missingDocuments[0].name, "B\u1ea3n sao");
}

// Regression (issue 15): `kiosk slip status --dossier-json` printed an unmasked name and ID; every
// way a Dossier enters the kiosk now goes through maskDossier.
TEST(DossierMappingTest, MaskDossierMasksEveryTextAndIsIdempotent) {
    Dossier d;
    d.code = "000.00.06.H56-231027-0361";
    d.applicantMasked = "Nguy\u1ec5n V\u0103n An";
    d.backendNote = "CCCD 001099012345, g\u1ecdi 0912345678";
    d.history.push_back({{}, "B\u1ed9 ph\u1eadn", "\u202eTi\u1ebfp nh\u1eadn 001099012345", ""});
    d.missingDocuments.push_back({"CCCD 001099012345", ""});
    d.publicLookupUrl = "https://x.gov.vn/tra-cuu?SGT=001099012345";
    const Dossier masked = maskDossier(d);
    EXPECT_EQ(masked.applicantMasked, "Nguy\u1ec5n V** A*");
    const std::string json = dossierToJson(masked);
    for (const char* secret : {"001099012345", "0912345678", "V\u0103n", "\u202e"}) {
        EXPECT_EQ(json.find(secret), std::string::npos) << secret << " in " << json;
    }
    EXPECT_TRUE(masked.publicLookupUrl.empty());
    EXPECT_EQ(dossierToJson(maskDossier(masked)), json);
}
