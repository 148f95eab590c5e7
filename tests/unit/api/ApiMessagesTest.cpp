#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/api/iso_time.hpp"

using namespace kiosk::core;
using nlohmann::json;

TEST(ApiMessagesTest, LookupErrorKindNamesAreStable) {
    EXPECT_EQ(toString(LookupErrorKind::Offline), "offline");
    EXPECT_EQ(toString(LookupErrorKind::Timeout), "timeout");
    EXPECT_EQ(toString(LookupErrorKind::NotFound), "not_found");
    EXPECT_EQ(toString(LookupErrorKind::Unauthorized), "unauthorized");
    EXPECT_EQ(toString(LookupErrorKind::Server), "server");
    EXPECT_EQ(toString(LookupErrorKind::BadResponse), "bad_response");
    EXPECT_EQ(toString(LookupErrorKind::Tls), "tls");
    EXPECT_EQ(toString(LookupErrorKind::Cancelled), "cancelled");
}

TEST(ApiMessagesTest, ParsesErrorBody) {
    const auto e = parseErrorBody(R"({"error":{"kind":"not_found","message":"dossier not found"}})");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind, ApiErrorKind::NotFound);
}

TEST(ApiMessagesTest, ErrorBodyOfWrongShapeIsNullopt) {
    for (const char* bad : {"", "null", "[]", R"({"error":"x"})", R"({"error":{"message":"m"}})", R"({"error":{"kind":5}})",
                            "<html>", R"({"kind":"x"})"}) {
        EXPECT_FALSE(parseErrorBody(bad)) << bad;
    }
}

// Regression (issue 15): a backend's kind and message were kept and logged verbatim; one log line
// carried a citizen ID and a full name. Only a kind from the fixed list survives now.
TEST(ApiMessagesTest, UnknownErrorKindsBecomeOtherAndNoTextIsKept) {
    const auto e = parseErrorBody(json{{"error", {{"kind", "Nguyễn Văn An 001099012345"},
                                                  {"message", "Nguyễn Văn An, CCCD 001099012345"}}}}.dump());
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind, ApiErrorKind::Other);
    EXPECT_EQ(toString(e->kind), "other");
    for (const auto* kind : {"not_found", "unauthorized", "forbidden", "invalid", "rate_limited", "timeout", "unavailable",
                             "server"}) {
        const auto known = parseErrorBody(errorBodyJson(kind, "x"));
        ASSERT_TRUE(known);
        EXPECT_EQ(toString(known->kind), kind);
    }
}

TEST(ApiMessagesTest, ErrorBodyJsonRoundTrips) {
    const auto e = parseErrorBody(errorBodyJson("timeout", "took \"too\" long"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind, ApiErrorKind::Timeout);
}

TEST(ApiMessagesTest, HttpStatusesMapToKinds) {
    EXPECT_EQ(kindForHttpStatus(401), LookupErrorKind::Unauthorized);
    EXPECT_EQ(kindForHttpStatus(403), LookupErrorKind::Unauthorized);
    EXPECT_EQ(kindForHttpStatus(404), LookupErrorKind::NotFound);
    EXPECT_EQ(kindForHttpStatus(410), LookupErrorKind::NotFound);
    EXPECT_EQ(kindForHttpStatus(504), LookupErrorKind::Timeout);
    EXPECT_EQ(kindForHttpStatus(500), LookupErrorKind::Server);
    EXPECT_EQ(kindForHttpStatus(503), LookupErrorKind::Server);
    EXPECT_EQ(kindForHttpStatus(302), LookupErrorKind::Server);
    EXPECT_EQ(kindForHttpStatus(418), LookupErrorKind::Server);
}

TEST(ApiMessagesTest, RatingJsonHasContractFields) {
    Rating r;
    r.dossierCode = "000.00.06.H56-231027-0361";
    r.level = RatingLevel::VerySatisfied;
    r.ratedAt = *parseIsoTime("2024-10-15T08:30:00+07:00");
    r.kioskId = "kiosk-01";
    r.idempotencyKey = "k-1";
    const json j = json::parse(buildRatingJson(r));
    EXPECT_EQ(j["dossier_code"], "000.00.06.H56-231027-0361");
    EXPECT_EQ(j["level"], "very_satisfied");
    EXPECT_EQ(j["rated_at"], "2024-10-15T08:30:00+07:00");
    EXPECT_EQ(j["kiosk_id"], "kiosk-01");
    EXPECT_EQ(j["idempotency_key"], "k-1");
}

TEST(ApiMessagesTest, RatingLevelNamesRoundTrip) {
    for (auto level : {RatingLevel::VerySatisfied, RatingLevel::Satisfied, RatingLevel::Unsatisfied}) {
        EXPECT_EQ(ratingLevelFromString(toString(level)), level);
    }
    EXPECT_FALSE(ratingLevelFromString("Hài lòng"));
}

TEST(ApiMessagesTest, HeartbeatJsonCarriesFigures) {
    Heartbeat h;
    h.kioskId = "kiosk-02";
    h.version = "0.1.0";
    h.sentAt = *parseIsoTime("2024-10-15T08:30:00+07:00");
    h.uptimeSeconds = 3600;
    h.states = {{"printer", "ok"}, {"paper", "low"}};
    h.counters = {{"lookups_ok", 12}};
    const json j = json::parse(buildHeartbeatJson(h));
    EXPECT_EQ(j["kiosk_id"], "kiosk-02");
    EXPECT_EQ(j["uptime_s"], 3600);
    EXPECT_EQ(j["states"]["paper"], "low");
    EXPECT_EQ(j["counters"]["lookups_ok"], 12);
}

TEST(ApiMessagesTest, OnlyATestRatingOrHeartbeatCarriesTheTestFlag) {
    Rating r;
    r.dossierCode = "000.00.06.H56-231027-0361";
    EXPECT_FALSE(json::parse(buildRatingJson(r)).contains("test"));  // the contract's default: false
    r.test = true;
    EXPECT_EQ(json::parse(buildRatingJson(r))["test"], true);
    Heartbeat h;
    h.kioskId = "k";
    EXPECT_FALSE(json::parse(buildHeartbeatJson(h)).contains("test"));
    h.test = true;
    EXPECT_EQ(json::parse(buildHeartbeatJson(h))["test"], true);
}
