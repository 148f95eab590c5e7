// readRegularFile: the one way outside files are read (configuration, device token, images, dossier
// JSON). Regression tests for issue 15: a directory aborted scan-image with std::ios_failure,
// /dev/zero was read until memory ran out, a FIFO hung, and a symlink loop was not named as such.
#include "kiosk/core/common/file_reader.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace kiosk::core;
namespace fs = std::filesystem;

namespace {

class FileReaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("kiosk-file-reader-" + std::to_string(::getpid()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string write(const std::string& name, const std::string& text) {
        const auto path = m_dir / name;
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }

    fs::path m_dir;
};

}  // namespace

TEST_F(FileReaderTest, ReadsARegularFileWhole) {
    const std::string text = std::string("a\0b", 3) + std::string(10000, 'x');
    auto read = readRegularFile(write("f", text), {});
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(*read, text);
}

TEST_F(FileReaderTest, MissingFileIsNotFound) {
    auto read = readRegularFile((m_dir / "missing").string(), {});
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ErrorKind::NotFound);
    EXPECT_NE(read.error().message.find("no such file"), std::string::npos);
}

TEST_F(FileReaderTest, DirectoryIsRefused) {
    auto read = readRegularFile(m_dir.string(), {});
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(read.error().message.find("a directory"), std::string::npos) << read.error().message;
}

TEST_F(FileReaderTest, DevZeroIsRefusedBeforeReading) {
    auto read = readRegularFile("/dev/zero", {});
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().message.find("a device"), std::string::npos) << read.error().message;
}

TEST_F(FileReaderTest, FifoIsRefusedWithoutBlocking) {
    const auto fifo = (m_dir / "fifo").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // With no writer, a blocking open would never return and this test would time out.
    auto read = readRegularFile(fifo, {});
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().message.find("FIFO"), std::string::npos) << read.error().message;
}

TEST_F(FileReaderTest, SymlinkLoopIsNamed) {
    fs::create_symlink(m_dir / "b", m_dir / "a");
    fs::create_symlink(m_dir / "a", m_dir / "b");
    auto read = readRegularFile((m_dir / "a").string(), {});
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().message.find("symlink loop"), std::string::npos) << read.error().message;
}

TEST_F(FileReaderTest, OversizeFileIsRefusedBeforeReading) {
    const auto path = write("big", "");
    // A sparse 100 MB file: refused from its size alone.
    fs::resize_file(path, 100'000'000);
    auto read = readRegularFile(path, {.maxBytes = 4096});
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().message.find("larger than the limit of 4096 bytes"), std::string::npos);
    EXPECT_TRUE(readRegularFile(write("exact", std::string(4096, 'x')), {.maxBytes = 4096}));
}

TEST_F(FileReaderTest, ProcFilesThatAnnounceZeroBytesAreStillCapped) {
    // /proc files report size 0 and may hold more: the cap applies to what is actually read.
    auto read = readRegularFile("/proc/self/maps", {.maxBytes = 16});
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().message.find("larger than the limit"), std::string::npos);
    auto small = readRegularFile("/proc/self/maps", {.maxBytes = 1024 * 1024});
    ASSERT_TRUE(small) << small.error().message;
    EXPECT_FALSE(small->empty());
}

TEST_F(FileReaderTest, OwnerOnlyRefusesGroupAndOtherBits) {
    const auto path = write("secret", "token\n");
    ::chmod(path.c_str(), 0640);
    auto refused = readRegularFile(path, {.ownerOnly = true});
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("mode 0640"), std::string::npos) << refused.error().message;
    EXPECT_NE(refused.error().message.find("chmod 600"), std::string::npos);
    ::chmod(path.c_str(), 0600);
    EXPECT_TRUE(readRegularFile(path, {.ownerOnly = true}));
    ::chmod(path.c_str(), 0400);
    EXPECT_TRUE(readRegularFile(path, {.ownerOnly = true}));
}
