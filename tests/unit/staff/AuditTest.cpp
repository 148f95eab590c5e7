#include "kiosk/core/staff/audit.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core;
using namespace std::chrono_literals;

TEST(AuditTest, EntriesRoundTripAsJsonLines) {
    const std::chrono::sys_seconds at{1761900000s};
    const AuditEntry change = settingChanged(at, "ui.idle_timeout_s", "60 (fleet)", "90", false);
    const std::string line = toJsonLine(change);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    auto read = parseAuditLine(line);
    ASSERT_TRUE(read) << line;
    EXPECT_EQ(*read, change);
    EXPECT_EQ(describe(change), "setting_changed ui.idle_timeout_s 60 (fleet) -> 90");

    AuditEntry failed;
    failed.at = at;
    failed.action = AuditAction::PinFailed;
    failed.detail = "3";
    EXPECT_EQ(*parseAuditLine(toJsonLine(failed)), failed);
    for (const AuditAction a : kAllAuditActions) EXPECT_EQ(auditActionFromString(toString(a)), a);
    EXPECT_FALSE(parseAuditLine("{\"at\":\"x\",\"action\":\"staff_entered\"}"));
    EXPECT_FALSE(parseAuditLine("{\"at\":\"2026-01-01T00:00:00Z\",\"action\":\"dance\"}"));
}

TEST(AuditTest, SecretValuesAreNeverWritten) {
    const AuditEntry e = settingChanged(std::chrono::sys_seconds{}, "some.secret", "old-secret", "new-secret", true);
    const std::string line = toJsonLine(e);
    EXPECT_EQ(line.find("old-secret"), std::string::npos);
    EXPECT_EQ(line.find("new-secret"), std::string::npos);
    EXPECT_NE(line.find("(changed)"), std::string::npos);
}

TEST(AuditTest, NewestEntriesComeFirstAndBadLinesAreSkipped) {
    std::string text;
    for (int i = 0; i < 5; ++i) {
        AuditEntry e;
        e.at = std::chrono::sys_seconds{std::chrono::seconds{1761900000 + i}};
        e.action = AuditAction::PinFailed;
        e.detail = std::to_string(i);
        text += toJsonLine(e) + "\n";
        if (i == 2) text += "not json\n";
    }
    const auto newest = newestEntries(text, 3);
    ASSERT_EQ(newest.size(), 3u);
    EXPECT_EQ(newest[0].detail, "4");
    EXPECT_EQ(newest[2].detail, "2");
    EXPECT_EQ(newestEntries(text, 100).size(), 5u);
    EXPECT_TRUE(newestEntries("", 3).empty());
}
