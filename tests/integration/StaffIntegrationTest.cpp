// Staff mode against real processes: the enrolment endpoint of kiosk-refbackend with the kiosk's own
// client (single use, expiring; every answer is also checked against docs/api/openapi.yaml by the
// contract tests), provisioning a kiosk's files end to end, and the `kiosk set-pin` and
// `kiosk provision-qr` commands.

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "backend_process.hpp"
#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/staff/enrolment_client.hpp"
#include "kiosk/app/staff/provisioner.hpp"
#include "kiosk/core/common/grey_png.hpp"
#include "kiosk/core/scan/decode_pipeline.hpp"
#include "kiosk/core/staff/pin.hpp"
#include "kiosk/core/staff/provisioning.hpp"

using namespace kiosk;
using test::BackendProcess;
namespace fs = std::filesystem;

namespace {

const std::string kToken = "staff-integration-token";

std::string readAll(const fs::path& p) {
    std::ifstream in{p, std::ios::binary};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("staff-it-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string document(int port, const std::string& code) {
    return "[office]\nname = \"Bộ phận Một cửa UBND phường Tân Thạnh\"\n[operations]\nkiosk_id = \"tamky-01\"\n"
           "[backend]\nurl = \"http://127.0.0.1:" + std::to_string(port) + "\"\n[provisioning]\nenrolment_code = \"" +
           code + "\"\n";
}

class StaffIntegrationTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        s_backend = new BackendProcess({"--seed", "--token", kToken, "--allow-faults", "--enrolment-code", "GOOD-CODE-1",
                                        "--enrolment-code", "GOOD-CODE-2", "--enrolment-code", "OLD-CODE-9@0",
                                        "--enrolment-code", "FILES-CODE-3"});
        s_http = platform::makeHttpClient().release();
    }
    static void TearDownTestSuite() {
        delete s_backend;
        delete s_http;
    }
    static core::BackendSettings backend() {
        core::BackendSettings b;
        b.url = "http://127.0.0.1:" + std::to_string(s_backend->port());
        b.totalTimeoutMs = 3000;
        return b;
    }
    static std::expected<platform::HttpResponse, platform::HttpError> post(const std::string& body,
                                                                           std::vector<std::pair<std::string, std::string>> extra = {}) {
        platform::HttpRequest r;
        r.method = "POST";
        r.url = backend().url + "/api/v1/enrolments";
        r.headers = {{"Content-Type", "application/json"}};
        r.headers.insert(r.headers.end(), extra.begin(), extra.end());
        r.body = body;
        return s_http->perform(r, {}, nullptr);
    }
    static BackendProcess* s_backend;
    static platform::HttpClient* s_http;
};

BackendProcess* StaffIntegrationTest::s_backend = nullptr;
platform::HttpClient* StaffIntegrationTest::s_http = nullptr;

}  // namespace

TEST_F(StaffIntegrationTest, EnrolmentCodeWorksOnceAndTheTokenIsAccepted) {
    ASSERT_TRUE(s_backend->ok());
    auto token = app::enrolKiosk(*s_http, backend(), "GOOD-CODE-1", "tamky-01");
    ASSERT_TRUE(token) << core::toString(token.error());
    // The token is the kiosk's device token from now on.
    app::BackendOptions o;
    o.baseUrl = backend().url;
    o.token = *token;
    o.retries = 0;
    app::BackendClient client(*s_http, o);
    ASSERT_FALSE(s_backend->dossiers().empty());
    EXPECT_TRUE(client.lookupDossier(s_backend->dossiers().front().code, nullptr));
    o.token = "not-a-token-at-all";
    app::BackendClient stranger(*s_http, o);
    EXPECT_EQ(stranger.lookupDossier(s_backend->dossiers().front().code, nullptr).error().kind, core::LookupErrorKind::Unauthorized);

    // Single use: the same code again is refused as used (409).
    EXPECT_EQ(app::enrolKiosk(*s_http, backend(), "GOOD-CODE-1", "tamky-02").error(), core::EnrolmentFailure::Used);
}

TEST_F(StaffIntegrationTest, ExpiredUnknownAndMalformedRequestsAreRefused) {
    EXPECT_EQ(app::enrolKiosk(*s_http, backend(), "OLD-CODE-9", "tamky-01").error(), core::EnrolmentFailure::Expired);
    EXPECT_EQ(app::enrolKiosk(*s_http, backend(), "NO-SUCH-CODE", "tamky-01").error(), core::EnrolmentFailure::Unknown);
    auto bad = post("{\"enrolment_code\":\"GOOD-CODE-2\"}");  // no kiosk_id
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    auto failing = post(core::enrolmentRequestJson("GOOD-CODE-2", "k", "t"), {{"X-Fault", "status=503"}});
    ASSERT_TRUE(failing);
    EXPECT_EQ(failing->status, 503);
    EXPECT_EQ(core::readEnrolmentAnswer(failing->status, failing->body).error(), core::EnrolmentFailure::Server);
    // Neither spent the code.
    EXPECT_TRUE(app::enrolKiosk(*s_http, backend(), "GOOD-CODE-2", "tamky-03"));
    core::BackendSettings nowhere;
    nowhere.url = "http://127.0.0.1:9";
    nowhere.connectTimeoutMs = 500;
    EXPECT_EQ(app::enrolKiosk(*s_http, nowhere, "GOOD-CODE-2", "k").error(), core::EnrolmentFailure::Offline);
}

TEST_F(StaffIntegrationTest, ProvisioningWritesTokenAndConfigAtomicallyAndOnlyOnce) {
    const fs::path dir = freshDir("provision");
    core::ConfigTexts texts;
    texts.fleetName = (dir / "kiosk.toml").string();
    texts.fleetText = "[operations]\ndata_dir = \"" + (dir / "data").string() + "\"\n";
    std::ofstream(texts.fleetName) << *texts.fleetText;
    texts.localName = (dir / "data" / "local.toml").string();
    core::Settings settings;
    settings.operations.dataDir = (dir / "data").string();
    app::AuditLog audit(dir / "data" / "staff-audit.log", 65536);

    const std::string doc = document(s_backend->port(), "FILES-CODE-3");
    const app::ProvisionOutcome outcome = app::provisionKiosk(doc, texts, app::staffPathsFor(settings), *s_http, audit);
    ASSERT_TRUE(outcome.ok) << outcome.failure << ": " << outcome.message;
    EXPECT_EQ(outcome.kioskId, "tamky-01");
    const fs::path token = dir / "data" / "device.token";
    struct stat st {};
    ASSERT_EQ(::stat(token.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    // The kiosk loads the result like any configuration: the local layer names the backend and token.
    core::ConfigFiles files;
    files.fleetFile = texts.fleetName;
    files.fleetExplicit = true;
    const core::ConfigReport report = core::loadConfig(files);
    ASSERT_TRUE(report.ok()) << core::formatIssue(report.issues.front());
    EXPECT_EQ(report.loaded.settings.backend.url, backend().url);
    EXPECT_EQ(report.loaded.settings.operations.kioskId, "tamky-01");
    EXPECT_EQ(report.loaded.settings.office.name, "Bộ phận Một cửa UBND phường Tân Thạnh");
    EXPECT_EQ(report.loaded.sources.at("backend.token_file").layer, core::ConfigLayer::Local);
    auto options = app::backendOptionsFrom(report.loaded.settings.backend);
    ASSERT_TRUE(options) << options.error().diagnostic;
    app::BackendClient client(*s_http, *options);
    EXPECT_TRUE(client.lookupDossier(s_backend->dossiers().front().code, nullptr));
    EXPECT_EQ(readAll(texts.localName).find("FILES-CODE-3"), std::string::npos);  // the code is never written
    const std::string log = readAll(dir / "data" / "staff-audit.log");
    EXPECT_NE(log.find("\"provisioned\""), std::string::npos);
    EXPECT_EQ(log.find("FILES-CODE-3"), std::string::npos);

    // The same QR code again: refused as used, and nothing on disk changes.
    texts.localText = readAll(texts.localName);
    const std::string before = readAll(texts.localName);
    const app::ProvisionOutcome again = app::provisionKiosk(doc, texts, app::staffPathsFor(settings), *s_http, audit);
    EXPECT_FALSE(again.ok);
    EXPECT_EQ(again.failure, "enrolment_used");
    EXPECT_EQ(readAll(texts.localName), before);
    fs::remove_all(dir);
}

TEST(StaffCliTest, SetPinReadsStdinRefusesWeakPinsAndWritesAPrivateHash) {
    const fs::path dir = freshDir("setpin");
    const fs::path config = dir / "kiosk.toml";
    std::ofstream(config) << "[operations]\ndata_dir = \"" << (dir / "data").string() << "\"\n";
    std::string out;
    std::string err;
    const std::string kiosk = KIOSK_EXE;
    auto run = [&](const std::string& pin, const std::string& extra) {
        return test::runCapture({"/bin/sh", "-c", "printf '%s\\n' " + pin + " | " + kiosk + " set-pin --config " +
                                                      config.string() + extra},
                                out, &err);
    };
    EXPECT_EQ(run("123456", ""), 1);
    EXPECT_NE(err.find("run of digits"), std::string::npos) << err;
    EXPECT_EQ(run("1111", ""), 1);
    EXPECT_EQ(run("12", ""), 1);
    EXPECT_FALSE(fs::exists(dir / "data" / "staff.pin"));
    EXPECT_EQ(run("583902", ""), 0) << err;
    const fs::path pin = dir / "data" / "staff.pin";
    struct stat st {};
    ASSERT_EQ(::stat(pin.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto hash = core::pinHashFromFileText(readAll(pin));
    ASSERT_TRUE(hash);
    EXPECT_TRUE(core::verifyPin(*hash, "583902"));
    EXPECT_EQ(out.find("583902"), std::string::npos);
    EXPECT_EQ(err.find("583902"), std::string::npos);
    // --pin-file wins over the configured place.
    EXPECT_EQ(run("740213", " --pin-file " + (dir / "other.pin").string()), 0) << err;
    EXPECT_TRUE(core::verifyPin(*core::pinHashFromFileText(readAll(dir / "other.pin")), "740213"));
    EXPECT_TRUE(core::verifyPin(*core::pinHashFromFileText(readAll(pin)), "583902"));
    fs::remove_all(dir);
}

TEST(StaffCliTest, ProvisionQrMakesADecodableCodeOrNamesEveryProblem) {
    const fs::path dir = freshDir("qr");
    const std::string doc = document(8080, "K7Q2-M9XD-4TPA");
    std::ofstream(dir / "p.toml") << doc;
    std::string out;
    std::string err;
    ASSERT_EQ(test::runCapture({KIOSK_EXE, "provision-qr", (dir / "p.toml").string(), "--out", (dir / "qr.png").string()}, out, &err), 0)
        << err;
    EXPECT_EQ(out.find("K7Q2"), std::string::npos);  // never printed
    const std::string png = readAll(dir / "qr.png");
    auto pixels = core::decodeGreyPng(std::span(reinterpret_cast<const std::uint8_t*>(png.data()), png.size()));
    ASSERT_TRUE(pixels);
    core::DecodePipeline pipeline;
    const auto found = pipeline.decodeStill({pixels->pixels.data(), pixels->width, pixels->height, pixels->width});
    ASSERT_TRUE(found);
    EXPECT_EQ(core::decodeProvisioningPayload(found->text).value_or(""), doc);
    struct stat st {};
    ASSERT_EQ(::stat((dir / "qr.png").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);  // it holds the enrolment code

    std::ofstream(dir / "bad.toml") << "[office]\nnam = \"x\"\n[backend]\nurl = \"ftp://x\"\n";
    EXPECT_EQ(test::runCapture({KIOSK_EXE, "provision-qr", (dir / "bad.toml").string(), "--out", (dir / "bad.png").string()}, out), 2);
    EXPECT_NE(out.find("bad.toml:2: office.nam: unknown key"), std::string::npos) << out;
    EXPECT_NE(out.find("bad.toml:4: backend.url: bad URL"), std::string::npos) << out;
    EXPECT_NE(out.find("provisioning.enrolment_code: missing"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "bad.png"));
    EXPECT_EQ(test::runCapture({KIOSK_EXE, "provision-qr", (dir / "p.toml").string()}, out, &err), 2);  // usage: --out missing
    fs::remove_all(dir);
}
