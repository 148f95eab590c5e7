// TLS: kiosk-refbackend serving HTTPS with a self-signed certificate made at test time by the openssl CLI.
// The client refuses it without the CA, accepts it with the CA bundle, refuses a wrong pin, accepts the right one.

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "backend_process.hpp"
#include "kiosk/app/services/backend_client.hpp"

using namespace kiosk;
using namespace std::chrono;

namespace {

std::string shell(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
    ::pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

class TlsIntegrationTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        s_dir = (std::filesystem::temp_directory_path() / ("kiosk-tls-" + std::to_string(::getpid()))).string();
        std::filesystem::create_directories(s_dir);
        const std::string cert = s_dir + "/cert.pem", key = s_dir + "/key.pem";
        shell("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1"
              " -addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>/dev/null");
        s_pin = "sha256//" + shell("openssl pkey -in " + key + " -pubout -outform DER 2>/dev/null | openssl dgst -sha256 "
                                   "-binary | openssl base64 -A");
        s_backend = new test::BackendProcess({"--seed", "--open", "--tls-cert", cert, "--tls-key", key});
        s_http = platform::makeHttpClient().release();
    }
    static void TearDownTestSuite() {
        delete s_backend;
        delete s_http;
        std::error_code ec;
        std::filesystem::remove_all(s_dir, ec);
    }

    static std::expected<core::Dossier, core::LookupError> lookup(const std::string& ca, const std::string& pin) {
        app::BackendOptions o;
        o.baseUrl = "https://127.0.0.1:" + std::to_string(s_backend->port());
        o.retries = 0;
        o.http.caBundle = ca;
        o.http.pinnedPublicKey = pin;
        o.http.totalTimeout = milliseconds{3000};
        app::BackendClient client{*s_http, o};
        return client.lookupDossier(s_backend->dossiers().front().code, nullptr);
    }

    static inline std::string s_dir;
    static inline std::string s_pin;
    static inline test::BackendProcess* s_backend = nullptr;
    static inline platform::HttpClient* s_http = nullptr;
};

}  // namespace

TEST_F(TlsIntegrationTest, ServerStarted) {
    ASSERT_TRUE(s_backend->ok()) << "refbackend with --tls-cert did not start: " << s_backend->firstLine();
    ASSERT_GT(s_pin.size(), 20u);
}

TEST_F(TlsIntegrationTest, RefusesSelfSignedWithoutTheCa) {
    ASSERT_TRUE(s_backend->ok());
    // An empty CA file path means the system store, which does not know this certificate.
    auto r = lookup("", "");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, core::LookupErrorKind::Tls) << r.error().diagnostic;
}

TEST_F(TlsIntegrationTest, AcceptsWithTheCaBundle) {
    ASSERT_TRUE(s_backend->ok());
    auto r = lookup(s_dir + "/cert.pem", "");
    ASSERT_TRUE(r) << r.error().diagnostic;
}

TEST_F(TlsIntegrationTest, RefusesAWrongPinnedKey) {
    ASSERT_TRUE(s_backend->ok());
    auto r = lookup(s_dir + "/cert.pem", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, core::LookupErrorKind::Tls) << r.error().diagnostic;
}

TEST_F(TlsIntegrationTest, AcceptsTheRightPinnedKey) {
    ASSERT_TRUE(s_backend->ok());
    auto r = lookup(s_dir + "/cert.pem", s_pin);
    ASSERT_TRUE(r) << r.error().diagnostic;
}

TEST_F(TlsIntegrationTest, MissingCaFileIsTls) {
    ASSERT_TRUE(s_backend->ok());
    auto r = lookup(s_dir + "/no-such-ca.pem", "");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, core::LookupErrorKind::Tls) << r.error().diagnostic;
}
