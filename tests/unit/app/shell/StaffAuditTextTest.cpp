// StaffScreens::auditText: an audit entry as staff read it on the Audit page. The log keeps fixed
// English words (the file is for operators and scripts); the page shows them in the staff's language.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "kiosk/app/shell/staff_screens.hpp"
#include "kiosk/core/printer/print_failure.hpp"
#include "kiosk/ui/strings.hpp"

using kiosk::app::StaffScreens;
using namespace kiosk::core;

namespace {

kiosk::ui::Strings strings(const char* language) {
    auto loaded = kiosk::ui::loadStringTables(KIOSK_SOURCE_ASSETS_DIR, language);
    EXPECT_TRUE(loaded) << loaded.error().message;
    return loaded ? *loaded : kiosk::ui::Strings{};
}

AuditEntry entry(AuditAction action, std::string detail) {
    AuditEntry e;
    e.action = action;
    e.detail = std::move(detail);
    return e;
}

}  // namespace

TEST(StaffAuditTextTest, FixedOutcomeWordsAreInTheStaffsLanguage) {
    const auto vi = strings("vi");
    const auto en = strings("en");
    EXPECT_EQ(StaffScreens::auditText(entry(AuditAction::TestPagePrinted, "printed"), vi), "In trang thử (đã in)");
    EXPECT_EQ(StaffScreens::auditText(entry(AuditAction::TestPagePrinted, "paper_out"), vi), "In trang thử (hết giấy)");
    EXPECT_EQ(StaffScreens::auditText(entry(AuditAction::StaffLeft, "idle"), vi),
              "Thoát chế độ cán bộ (lâu không thao tác)");
    EXPECT_EQ(StaffScreens::auditText(entry(AuditAction::TestPagePrinted, "paper_out"), en), "Test page (paper out)");
}

TEST(StaffAuditTextTest, EveryPrintFailureHasAWordInBothLanguages) {
    for (const char* language : {"vi", "en"}) {
        const auto t = strings(language);
        for (const PrintFailure failure : kAllPrintFailures) {
            const std::string word{toString(failure)};
            EXPECT_TRUE(t.has("staff.audit.detail." + word)) << language << ": " << word;
        }
    }
}

TEST(StaffAuditTextTest, CountsIdsAndMessagesAreShownAsRecorded) {
    const auto vi = strings("vi");
    EXPECT_EQ(StaffScreens::auditText(entry(AuditAction::PinFailed, "3"), vi), "Nhập sai mã PIN (3)");
    EXPECT_EQ(StaffScreens::auditText(entry(AuditAction::Reboot, "failed: exit 3"), vi),
              "Khởi động lại thiết bị (failed: exit 3)");
    AuditEntry changed = settingChanged(std::chrono::sys_seconds{}, "ui.idle_timeout_s", "60", "90", false);
    EXPECT_EQ(StaffScreens::auditText(changed, vi), "Đổi cài đặt ui.idle_timeout_s: 60 → 90");
}
