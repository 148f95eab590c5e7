// The device token file's contents and the file rules (issue 15, defect 7): mode 0640 was accepted, a
// NUL byte and trailing junk were accepted, a 100 MB file was read whole.
#include "kiosk/core/api/device_token.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kiosk/app/services/backend_client.hpp"

using namespace kiosk;

TEST(DeviceTokenTest, OneTokenOnOneLine) {
    EXPECT_EQ(core::parseDeviceToken("tok-123").value(), "tok-123");
    EXPECT_EQ(core::parseDeviceToken("tok-123\n").value(), "tok-123");
    EXPECT_EQ(core::parseDeviceToken("  tok-123\t\r\n").value(), "tok-123");
    EXPECT_EQ(core::parseDeviceToken("eyJhbGciOi.J9~_+/=").value(), "eyJhbGciOi.J9~_+/=");
}

TEST(DeviceTokenTest, NulJunkAndSecondLinesAreRefused) {
    for (const std::string& bad : {std::string("s3cr3t\0junk", 11), std::string("s3cr3t\njunk"), std::string("s3cr3t\n\n"),
                                   std::string("s3cr3t 123"), std::string("\n"), std::string(""), std::string("s3cr\u00e9t"),
                                   std::string("s3cr3t\x7f"), std::string("s3cr3t\rjunk")}) {
        const auto token = core::parseDeviceToken(bad);
        EXPECT_FALSE(token) << '"' << bad << '"';
        if (!token) {
            EXPECT_EQ(token.error().message.find("s3cr"), std::string::npos) << "the token's text is never echoed";
        }
    }
}

namespace {

class TokenFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = (std::filesystem::temp_directory_path() / ("kiosk-token-file-" + std::to_string(::getpid()))).string();
    }
    void TearDown() override { std::filesystem::remove(m_path); }
    void write(const std::string& text, mode_t mode) {
        std::filesystem::remove(m_path);
        std::ofstream(m_path, std::ios::binary) << text;
        ::chmod(m_path.c_str(), mode);
    }
    std::string m_path;
};

}  // namespace

TEST_F(TokenFileTest, GroupReadableIsRefused) {
    write("tok-123\n", 0640);
    const auto token = app::readDeviceToken(m_path);
    ASSERT_FALSE(token);
    EXPECT_NE(token.error().find("mode 0640"), std::string::npos) << token.error();
    write("tok-123\n", 0600);
    EXPECT_EQ(app::readDeviceToken(m_path).value(), "tok-123");
}

TEST_F(TokenFileTest, HugeFileIsRefusedFromItsSize) {
    write("", 0600);
    std::filesystem::resize_file(m_path, 100'000'000);
    const auto token = app::readDeviceToken(m_path);
    ASSERT_FALSE(token);
    EXPECT_NE(token.error().find("larger than the limit of 4096 bytes"), std::string::npos) << token.error();
}

TEST_F(TokenFileTest, UnusableTokenMakesLookupsUnauthorizedNotOffline) {
    write(std::string("tok\0junk", 8), 0600);
    core::BackendSettings settings;
    settings.url = "https://backend.test";
    settings.tokenFile = m_path;
    const auto options = app::backendOptionsFrom(settings);
    ASSERT_FALSE(options);
    EXPECT_EQ(options.error().kind, core::LookupErrorKind::Unauthorized);
    EXPECT_NE(options.error().diagnostic.find(m_path), std::string::npos);
}
