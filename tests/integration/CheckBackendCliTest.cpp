// `kiosk check-backend` against kiosk-refbackend on loopback: every check passes against the reference
// backend, and each fault an integrator's adapter is likely to have (wrong types, missing fields, no
// ETag, decomposed text, a slow endpoint, no token required) fails exactly the check that names it,
// with a reason that says what to fix.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "backend_process.hpp"

using kiosk::test::BackendProcess;
using nlohmann::json;

namespace {

const std::string kToken = "check-backend-token";

class CheckBackendCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("kiosk-check-backend-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_dir);
        std::ofstream{m_dir / "token"} << kToken << "\n";
        ::chmod((m_dir / "token").c_str(), 0600);
        writeConfig("");
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    // The run's configuration: the kiosk's limits come from it ([backend]).
    void writeConfig(const std::string& backendSection) {
        std::ofstream{m_dir / "kiosk.toml"} << "[backend]\n" << backendSection;
    }

    // A seeded reference backend with the device token and the bundled catalog, plus `extra` flags.
    static std::unique_ptr<BackendProcess> startBackend(std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"--seed", "--token", kToken, "--catalog", KIOSK_SOURCE_ASSETS_DIR "/guidance/catalog.json"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto backend = std::make_unique<BackendProcess>(args);
        EXPECT_TRUE(backend->ok()) << backend->firstLine();
        return backend;
    }

    static std::string codeWithStatus(const BackendProcess& b, int status) {
        const auto it = std::ranges::find_if(b.dossiers(), [&](const auto& d) { return d.status == status; });
        return it == b.dossiers().end() ? std::string{} : it->code;
    }

    // Runs `kiosk --config ... --backend URL --token-file FILE check-backend ARGS`.
    int run(const BackendProcess& b, std::vector<std::string> args, std::string& out, std::string* err = nullptr) {
        std::vector<std::string> argv = {KIOSK_EXE, "--config", (m_dir / "kiosk.toml").string(), "--backend",
                                         "http://127.0.0.1:" + std::to_string(b.port()), "--token-file",
                                         (m_dir / "token").string(), "check-backend"};
        argv.insert(argv.end(), args.begin(), args.end());
        return kiosk::test::runCapture(argv, out, err);
    }

    json runJson(const BackendProcess& b, std::vector<std::string> args, int expectedExit) {
        args.push_back("--json");
        std::string out;
        EXPECT_EQ(run(b, args, out), expectedExit) << out;
        json report = json::parse(out, nullptr, false);
        EXPECT_FALSE(report.is_discarded()) << out;
        return report;
    }

    static std::set<std::string> withResult(const json& report, const std::string& result) {
        std::set<std::string> ids;
        for (const auto& c : report["checks"]) {
            if (c["result"] == result) ids.insert(c["check"].get<std::string>());
        }
        return ids;
    }

    static std::string reasonOf(const json& report, const std::string& id) {
        for (const auto& c : report["checks"]) {
            if (c["check"] == id && c["result"] == "FAIL") return c["reason"].get<std::string>();
        }
        return {};
    }

    // One fault on the reference backend: check-backend must fail `expected` and nothing else.
    void expectOnlyFailure(const std::vector<std::string>& faultArgs, const std::string& expected,
                           const std::vector<std::string>& reasonWords) {
        auto backend = startBackend(faultArgs);
        const json report = runJson(*backend, {"--code", codeWithStatus(*backend, 5)}, 1);
        EXPECT_EQ(report["conforms"], false);
        EXPECT_EQ(withResult(report, "FAIL"), std::set<std::string>{expected}) << report.dump(2);
        const std::string reason = reasonOf(report, expected);
        for (const auto& word : reasonWords) EXPECT_NE(reason.find(word), std::string::npos) << word << " in: " << reason;
    }

    std::filesystem::path m_dir;
};

}  // namespace

TEST_F(CheckBackendCliTest, ReferenceBackendPassesEveryCheck) {
    auto backend = startBackend();
    std::vector<std::string> args;
    for (int status = 1; status <= 10; ++status) {
        args.push_back("--code");
        args.push_back(codeWithStatus(*backend, status));
    }
    // A receipt's token link for a dossier not named above, read the way the kiosk reads a scanned QR
    // code (trusted host, token path): check-backend resolves it, then looks that dossier up too.
    const auto token = std::ranges::find_if(backend->tokens(), [&](const auto& t) {
        return std::ranges::find(args, t.second) == args.end();
    });
    ASSERT_NE(token, backend->tokens().end());
    args.push_back("--code");
    args.push_back("https://dichvucong.gov.vn/apiqr/qr?id=" + token->first);
    const json report = runJson(*backend, args, 0);
    EXPECT_EQ(report["conforms"], true);
    EXPECT_EQ(report["summary"]["fail"], 0);
    EXPECT_EQ(report["summary"]["warn"], 0);
    EXPECT_EQ(report["summary"]["skip"], 0);
    EXPECT_FALSE(report["contract_version"].get<std::string>().empty());
    // Every exchange the kiosk uses was made.
    const auto passed = withResult(report, "PASS");
    for (const char* id : {"auth.no-token.answer", "auth.wrong-token.answer", "dossier.unknown.schema", "dossier.schema",
                           "dossier.text", "dossier.times", "dossier.kiosk", "token.unknown.answer", "token.kiosk",
                           "catalog.kiosk", "catalog.etag", "catalog.revalidate.answer", "rating.answer",
                           "rating.repeat.answer", "heartbeat.answer", "heartbeat.limits", "enrolment.unknown.answer",
                           "enrolment.unknown.schema"}) {
        EXPECT_TRUE(passed.contains(id)) << id;
    }
    std::size_t dossierRows = 0;
    for (const auto& c : report["checks"]) dossierRows += c["check"] == "dossier.kiosk";
    EXPECT_EQ(dossierRows, 11u);  // ten codes, and the one the token link resolved to
}

TEST_F(CheckBackendCliTest, TableNamesResultReasonAndContractSection) {
    auto backend = startBackend();
    std::string out;
    EXPECT_EQ(run(*backend, {"--code", codeWithStatus(*backend, 4)}, out), 0);
    EXPECT_NE(out.find("RESULT  CHECK"), std::string::npos) << out;
    EXPECT_NE(out.find("PASS    dossier.schema"), std::string::npos) << out;
    EXPECT_NE(out.find("[openapi.yaml GET /api/v1/dossiers/{code} 200 (Dossier)]"), std::string::npos) << out;
    EXPECT_NE(out.find("0 FAIL"), std::string::npos) << out;
    EXPECT_NE(out.find("the backend conforms to the contract"), std::string::npos) << out;
    EXPECT_EQ(out.find("FAIL  "), std::string::npos) << out;
}

TEST_F(CheckBackendCliTest, SendsOnlyTestRatingsAndHeartbeatsAndNoNames) {
    auto backend = startBackend();
    std::string out;
    EXPECT_EQ(run(*backend, {"--code", codeWithStatus(*backend, 6), "--json"}, out), 0);
    // The output names codes and fields, never what the backend said about a person.
    for (const char* name : {"Nguyễn", "Trần", "Lê Hoàng", "applicant_name\":"}) EXPECT_EQ(out.find(name), std::string::npos) << name;
}

TEST_F(CheckBackendCliTest, WrongTypesFailTheSchemaCheck) {
    auto backend = startBackend();
    const std::string code = codeWithStatus(*backend, 5);
    backend.reset();
    expectOnlyFailure({"--allow-faults", "--fault", "code=" + code + ":wrongtypes"}, "dossier.schema",
                      {"agency: expected string or null, got integer"});
}

TEST_F(CheckBackendCliTest, MissingFieldFailsTheSchemaCheck) {
    auto backend = startBackend();
    const std::string code = codeWithStatus(*backend, 5);
    backend.reset();
    expectOnlyFailure({"--allow-faults", "--fault", "code=" + code + ":drop=procedure.name"}, "dossier.schema",
                      {"procedure.name: required field missing"});
}

TEST_F(CheckBackendCliTest, NoEtagFailsTheEtagCheck) {
    expectOnlyFailure({"--allow-faults", "--fault", "path=/api/v1/guidance/catalog:noetag"}, "catalog.etag",
                      {"no ETag header", "downloads the whole catalog"});
}

TEST_F(CheckBackendCliTest, DecomposedTextFailsTheTextCheck) {
    auto backend = startBackend();
    const std::string code = codeWithStatus(*backend, 5);
    backend.reset();
    expectOnlyFailure({"--allow-faults", "--fault", "code=" + code + ":nfd"}, "dossier.text",
                      {"not in Unicode NFC", "agency"});
}

TEST_F(CheckBackendCliTest, SlowEndpointFailsTheLimitsCheckAgainstTheConfiguredTimeout) {
    writeConfig("connect_timeout_ms = 500\ntotal_timeout_ms = 1000\n");
    expectOnlyFailure({"--allow-faults", "--fault", "path=/api/v1/heartbeats:latency=1500"}, "heartbeat.limits",
                      {"no complete answer within 1000 ms", "backend.total_timeout_ms"});
}

TEST_F(CheckBackendCliTest, BackendWithoutTokenFailsTheAuthChecks) {
    auto backend = std::make_unique<BackendProcess>(std::vector<std::string>{"--seed", "--open"});
    ASSERT_TRUE(backend->ok());
    const json report = runJson(*backend, {"--code", codeWithStatus(*backend, 2)}, 1);
    EXPECT_EQ(withResult(report, "FAIL"), (std::set<std::string>{"auth.no-token.answer", "auth.wrong-token.answer"}))
        << report.dump(2);
    EXPECT_NE(reasonOf(report, "auth.no-token.answer").find("anyone who can reach the backend reads dossiers"), std::string::npos);
}

TEST_F(CheckBackendCliTest, NoCatalogIsAWarningNotAFailure) {
    auto backend = std::make_unique<BackendProcess>(std::vector<std::string>{"--seed", "--token", kToken, "--no-catalog"});
    ASSERT_TRUE(backend->ok());
    const json report = runJson(*backend, {"--code", codeWithStatus(*backend, 9)}, 0);
    EXPECT_EQ(withResult(report, "WARN"), (std::set<std::string>{"catalog.answer"})) << report.dump(2);
    EXPECT_TRUE(withResult(report, "FAIL").empty());
}

TEST_F(CheckBackendCliTest, WithoutACodeTheDossierCheckFails) {
    auto backend = startBackend();
    const json report = runJson(*backend, {}, 1);
    EXPECT_EQ(withResult(report, "FAIL"), std::set<std::string>{"dossier.answer"});
    EXPECT_NE(reasonOf(report, "dossier.answer").find("pass --code"), std::string::npos);
}

TEST_F(CheckBackendCliTest, UnreachableBackendIsOneFailureNotTwenty) {
    std::string out;
    const int rc = kiosk::test::runCapture({KIOSK_EXE, "--config", (m_dir / "kiosk.toml").string(), "--backend", "http://127.0.0.1:1",
                                            "--token-file", (m_dir / "token").string(), "check-backend", "--json"},
                                           out);
    EXPECT_EQ(rc, 1) << out;
    const json report = json::parse(out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << out;
    EXPECT_EQ(withResult(report, "FAIL"), std::set<std::string>{"auth.no-token.answer"});
    EXPECT_NE(reasonOf(report, "auth.no-token.answer").find("no connection"), std::string::npos) << out;
}

TEST_F(CheckBackendCliTest, UsageErrorsExit2WithOneLine) {
    auto backend = startBackend();
    std::string out, err;
    // Not a receipt: the text is not echoed (a lookup URL may carry a citizen ID number).
    EXPECT_EQ(run(*backend, {"--code", "SGT=001099012345"}, out, &err), 2);
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    EXPECT_NE(err.find("--code number 1"), std::string::npos) << err;
    EXPECT_EQ(err.find("001099012345"), std::string::npos) << err;
    EXPECT_TRUE(out.empty()) << out;

    // No device token at all.
    err.clear();
    std::vector<std::string> argv = {KIOSK_EXE, "--config", (m_dir / "kiosk.toml").string(), "--backend",
                                     "http://127.0.0.1:" + std::to_string(backend->port()), "check-backend"};
    EXPECT_EQ(kiosk::test::runCapture(argv, out, &err), 2);
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    EXPECT_NE(err.find("no device token"), std::string::npos) << err;

    // Two configuration problems, still one line, each named by file, line and key.
    writeConfig("total_timeout_ms = 5\nretries = 99\n");
    err.clear();
    EXPECT_EQ(run(*backend, {"--code", codeWithStatus(*backend, 4)}, out, &err), 2);
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    EXPECT_NE(err.find("backend.total_timeout_ms"), std::string::npos) << err;
    EXPECT_NE(err.find("backend.retries"), std::string::npos) << err;
}
