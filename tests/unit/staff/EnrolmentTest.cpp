#include "kiosk/core/staff/enrolment.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace kiosk::core;

TEST(EnrolmentTest, RequestCarriesCodeAndKiosk) {
    const auto j = nlohmann::json::parse(enrolmentRequestJson("K7Q2-M9XD-4TPA", "tamky-01", "0.1.0"));
    EXPECT_EQ(j["enrolment_code"], "K7Q2-M9XD-4TPA");
    EXPECT_EQ(j["kiosk_id"], "tamky-01");
}

TEST(EnrolmentTest, AnswersGiveATokenOrWhyNot) {
    const std::string token = "dev-3f9c2a71e4b05d8c6a1f2e3d4c5b6a79";
    auto ok = readEnrolmentAnswer(201, "{\"device_token\":\"" + token + "\",\"kiosk_id\":\"k\"}");
    ASSERT_TRUE(ok);
    EXPECT_EQ(*ok, token);
    EXPECT_EQ(readEnrolmentAnswer(404, "{}").error(), EnrolmentFailure::Unknown);
    EXPECT_EQ(readEnrolmentAnswer(409, "{}").error(), EnrolmentFailure::Used);
    EXPECT_EQ(readEnrolmentAnswer(410, "{}").error(), EnrolmentFailure::Expired);
    EXPECT_EQ(readEnrolmentAnswer(400, "{}").error(), EnrolmentFailure::Rejected);
    EXPECT_EQ(readEnrolmentAnswer(503, "{}").error(), EnrolmentFailure::Server);
    EXPECT_EQ(readEnrolmentAnswer(201, "{\"device_token\":\"short\"}").error(), EnrolmentFailure::BadAnswer);
    EXPECT_EQ(readEnrolmentAnswer(201, "{\"device_token\":\"has a space in it, long enough\"}").error(),
              EnrolmentFailure::BadAnswer);
    EXPECT_EQ(readEnrolmentAnswer(201, "not json").error(), EnrolmentFailure::BadAnswer);
    for (const EnrolmentFailure f : kAllEnrolmentFailures) EXPECT_NE(toString(f), "unknown");
}
