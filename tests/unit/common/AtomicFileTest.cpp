// writeFileAtomically: a process killed (SIGKILL) between any two steps leaves the old file or the new
// one, whole. A power cut cannot be staged in a test; the fsync steps are what makes the same hold
// for it (see kiosk/core/common/atomic_file.hpp).
#include "kiosk/core/common/atomic_file.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace kiosk::core;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
    std::ifstream in{p, std::ios::binary};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("atomic-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

/// Writes `bytes` in a child that stops for good right after `stopAfter`; the parent kills it there.
void writeAndKillAfter(const fs::path& target, const std::string& bytes, AtomicWriteStep stopAfter) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(fds[0]);
        AtomicWriteOptions options;
        options.afterStep = [&](AtomicWriteStep step) {
            if (step != stopAfter) return;
            const char done = 1;
            (void)!::write(fds[1], &done, 1);
            for (;;) ::pause();  // killed here
        };
        (void)writeFileAtomically(target, bytes, options);
        ::_exit(3);  // never reached when the step happens
    }
    ::close(fds[1]);
    char done = 0;
    ASSERT_EQ(::read(fds[0], &done, 1), 1) << "the writer never reached the step";
    ::close(fds[0]);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
}

}  // namespace

TEST(AtomicFileTest, WritesTheWholeFileWithItsMode) {
    const fs::path dir = freshDir("write");
    const fs::path target = dir / "local.toml";
    ASSERT_TRUE(writeFileAtomically(target, "first\n"));
    EXPECT_EQ(readAll(target), "first\n");
    ASSERT_TRUE(writeFileAtomically(target, "second, longer\n"));
    EXPECT_EQ(readAll(target), "second, longer\n");
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_TRUE(writeFileAtomically(target, "x", {.mode = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read,
                                                  .afterStep = {}}));
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // no temporary left
    fs::remove_all(dir);
}

TEST(AtomicFileTest, KilledBetweenAnyTwoStepsLeavesTheOldOrTheNewFileWhole) {
    const std::string before(4096, 'o');
    const std::string after = std::string(9000, 'n') + "\n";
    const struct {
        AtomicWriteStep step;
        bool newFile;
    } cases[] = {{AtomicWriteStep::TempWritten, false},
                 {AtomicWriteStep::TempSynced, false},
                 {AtomicWriteStep::Renamed, true},
                 {AtomicWriteStep::FolderSynced, true}};
    for (const auto& c : cases) {
        const fs::path dir = freshDir("kill-" + std::to_string(static_cast<int>(c.step)));
        const fs::path target = dir / "local.toml";
        ASSERT_TRUE(writeFileAtomically(target, before));
        writeAndKillAfter(target, after, c.step);
        EXPECT_EQ(readAll(target), c.newFile ? after : before) << "killed after step " << static_cast<int>(c.step);
        // A temporary left by the killed writer never stops the next write.
        ASSERT_TRUE(writeFileAtomically(target, "next\n"));
        EXPECT_EQ(readAll(target), "next\n");
        fs::remove_all(dir);
    }
}

TEST(AtomicFileTest, RootCanGiveTheFileToAnotherUser) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root (chown)";
    const fs::path dir = freshDir("owner");
    const fs::path target = dir / "staff.pin";
    AtomicWriteOptions options;
    options.owner = {{65534, 65534}};
    ASSERT_TRUE(writeFileAtomically(target, "hash\n", options));
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, 65534u);
    EXPECT_EQ(st.st_gid, 65534u);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    fs::remove_all(dir);
}

TEST(AtomicFileTest, AFailedWriteChangesNothing) {
    const fs::path missing = fs::temp_directory_path() / "atomic-no-such-folder" / "x" / "local.toml";
    auto result = writeFileAtomically(missing, "data");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, ErrorKind::Io);
    EXPECT_NE(result.error().message.find(missing.string()), std::string::npos);
    EXPECT_FALSE(fs::exists(missing));
}
