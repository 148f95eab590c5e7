// The staff files on disk: the PIN file's permissions, the lockout record across a restart, the audit
// log's size limit.
#include "kiosk/app/staff/staff_files.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "kiosk/app/staff/staff_service.hpp"
#include "kiosk/core/staff/pin.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

core::Settings settingsIn(const fs::path& dir) {
    core::Settings s;
    s.operations.dataDir = dir.string();
    return s;
}

fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("staff-files-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    return dir;
}

}  // namespace

TEST(StaffFilesTest, PinFileIsPrivateAndAWorldReadableOneIsRefused) {
    const fs::path dir = freshDir("pin");
    const app::StaffPaths paths = app::staffPathsFor(settingsIn(dir));
    EXPECT_EQ(paths.pinFile, dir / "staff.pin");
    EXPECT_EQ(app::readPinHash(paths.pinFile).error().kind, core::ErrorKind::NotFound);
    EXPECT_FALSE(app::StaffService::readPinStatus(settingsIn(dir)).set);

    const auto hash = core::hashPin("2580");
    ASSERT_TRUE(hash);
    ASSERT_TRUE(app::writePinHash(paths.pinFile, *hash));  // creates the data folder
    struct stat st {};
    ASSERT_EQ(::stat(paths.pinFile.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(*app::readPinHash(paths.pinFile), *hash);
    EXPECT_TRUE(app::StaffService::readPinStatus(settingsIn(dir)).set);

    ::chmod(paths.pinFile.c_str(), 0644);
    auto refused = app::readPinHash(paths.pinFile);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("chmod 600"), std::string::npos);
    fs::remove_all(dir);
}

TEST(StaffFilesTest, RootSettingThePinGivesTheFileToTheKioskUser) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root (chown)";
    const fs::path dir = freshDir("pin-owner");
    fs::create_directories(dir);
    ASSERT_EQ(::chown(dir.c_str(), 65534, 65534), 0);  // the data folder belongs to the kiosk's user
    ASSERT_TRUE(app::writePinHash(dir / "staff.pin", *core::hashPin("2580")));
    struct stat st {};
    ASSERT_EQ(::stat((dir / "staff.pin").c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, 65534u);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    fs::remove_all(dir);
}

TEST(StaffFilesTest, LockoutSurvivesARestart) {
    const fs::path dir = freshDir("lockout");
    core::Settings s = settingsIn(dir);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    EXPECT_EQ(app::StaffService::readLockout(s), core::PinLockoutRecord{});  // nothing recorded: no lockout
    const core::PinLockoutRecord locked{5, now + 250s};
    ASSERT_TRUE(app::writePinLockout(app::staffPathsFor(s).lockoutFile, locked));
    // "After the restart": the record is read back as it was written.
    EXPECT_EQ(app::StaffService::readLockout(s), locked);
    // A damaged record locks (it must not reset the count of wrong PINs).
    std::ofstream(app::staffPathsFor(s).lockoutFile) << "garbage";
    const core::PinLockoutRecord damaged = app::readPinLockout(app::staffPathsFor(s).lockoutFile, now, 300s);
    ASSERT_TRUE(damaged.lockedUntil);
    EXPECT_EQ(*damaged.lockedUntil, now + 300s);
    fs::remove_all(dir);
}

TEST(StaffFilesTest, AuditLogKeepsItsNewestHalfWithinItsLimit) {
    const fs::path dir = freshDir("audit");
    fs::create_directories(dir);
    app::AuditLog log(dir / "staff-audit.log", 4096);
    for (int i = 0; i < 200; ++i) {
        core::AuditEntry e;
        e.at = std::chrono::sys_seconds{std::chrono::seconds{1761900000 + i}};
        e.action = core::AuditAction::PinFailed;
        e.detail = std::to_string(i);
        log.append(e);
    }
    EXPECT_LE(fs::file_size(dir / "staff-audit.log"), 4096u);
    const auto newest = log.newest(1000);
    ASSERT_GT(newest.size(), 10u);
    EXPECT_EQ(newest.front().detail, "199");  // the newest survive
    EXPECT_EQ(newest.size(), std::stoul(newest.front().detail) - std::stoul(newest.back().detail) + 1);  // no gaps
    fs::remove_all(dir);
}
