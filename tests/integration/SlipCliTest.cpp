// `kiosk slip status|guidance` and `kiosk print-test` as operators run them: the real kiosk binary
// against kiosk-refbackend (seeded dossiers, ephemeral port) and kiosk-vprinter on loopback. Slips
// are checked by what a phone would see: the QR decoded from the PNG with ZXing.
#include <gtest/gtest.h>

#define ZX_USE_UTF8 1  // Result::text() returns UTF-8 (ZXing 1.4 transition switch)
#include <ZXing/ReadBarcode.h>

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "backend_process.hpp"
#include "kiosk/core/escpos/escpos_parser.hpp"
#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/slip/raster.hpp"

extern char** environ;

namespace fs = std::filesystem;
using kiosk::test::BackendProcess;

namespace {

const std::string kToken = "slip-cli-token";
// The compiled-in office.public_lookup_url (no config file is given to the kiosk in these tests).
const std::string kLookupPrefix = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=";

std::vector<std::uint8_t> readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string decodeQr(const kiosk::core::slip::Raster& raster) {
    const auto grey = raster.toGrey();
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const auto r = ZXing::ReadBarcode({grey.data(), raster.width, raster.height, ZXing::ImageFormat::Lum}, hints);
    return r.isValid() ? r.text() : std::string{};
}

std::string decodeQrInPng(const fs::path& png) {
    auto raster = kiosk::core::slip::decodePng(readBytes(png));
    return raster ? decodeQr(*raster) : std::string{};
}

using KioskRun = kiosk::test::CommandRun;

// Runs the kiosk binary with `args`.
KioskRun runKiosk(std::vector<std::string> args) {
    args.insert(args.begin(), KIOSK_EXE);
    return kiosk::test::runCombined(args);
}

// A fresh folder per test, removed afterwards.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() / ("kiosk-slip-cli-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

class SlipCliTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_backend = new BackendProcess({"--seed", "--token", kToken});
        s_tokenFile = (fs::temp_directory_path() / ("kiosk-slip-cli-device-token-" + std::to_string(::getpid()))).string();
        std::ofstream{s_tokenFile} << kToken << "\n";
        ::chmod(s_tokenFile.c_str(), 0600);  // a device token file is private
    }
    static void TearDownTestSuite() {
        delete s_backend;
        s_backend = nullptr;
        fs::remove(s_tokenFile);
    }
    void SetUp() override { ASSERT_TRUE(s_backend->ok()) << s_backend->firstLine(); }

    static std::vector<std::string> backendArgs() {
        return {"--backend", "http://127.0.0.1:" + std::to_string(s_backend->port()), "--token-file", s_tokenFile};
    }
    static KioskRun slipStatus(const std::string& code, const fs::path& out, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"slip", "status", code, "--out", out.string()};
        const auto backend = backendArgs();
        args.insert(args.end(), backend.begin(), backend.end());
        args.insert(args.end(), extra.begin(), extra.end());
        return runKiosk(args);
    }

    static inline BackendProcess* s_backend = nullptr;
    static inline std::string s_tokenFile;
};

}  // namespace

TEST_F(SlipCliTest, StatusSlipForEverySeededStatusCarriesThePublicLookupUrl) {
    TempDir dir("status");
    std::vector<int> seen;
    for (const auto& d : s_backend->dossiers()) {
        if (std::ranges::find(seen, d.status) != seen.end()) continue;
        seen.push_back(d.status);
        const fs::path png = dir.path / ("status-" + std::to_string(d.status) + ".png");
        const KioskRun run = slipStatus(d.code, png, {"--lang", d.status % 2 == 0 ? "en" : "vi"});
        ASSERT_EQ(run.exitCode, 0) << d.code << ": " << run.out;
        EXPECT_NE(run.out.find("wrote " + png.string()), std::string::npos) << run.out;
        // A real slip: 80 mm wide by default (printer.width_dots), a few hundred dots to a metre long.
        auto raster = kiosk::core::slip::decodePng(readBytes(png));
        ASSERT_TRUE(raster) << raster.error().message;
        EXPECT_EQ(raster->width, 576);
        EXPECT_GT(raster->height, 500) << d.code;
        EXPECT_LT(raster->height, 8000) << d.code;
        EXPECT_GT(fs::file_size(png), 2000u);
        EXPECT_LT(fs::file_size(png), 2u * 1024u * 1024u);
        EXPECT_EQ(decodeQr(*raster), kLookupPrefix + d.code) << d.code;
    }
    std::ranges::sort(seen);
    EXPECT_EQ(seen, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

TEST_F(SlipCliTest, StatusSlipAsEscPosParsesWithTheVirtualPrintersParser) {
    TempDir dir("bin");
    const auto& d = s_backend->dossiers().front();
    for (const bool nativeQr : {false, true}) {
        const fs::path bin = dir.path / (nativeQr ? "native.bin" : "raster.bin");
        std::vector<std::string> extra = {"--width", "384"};
        if (nativeQr) extra.push_back("--native-qr");
        const KioskRun run = slipStatus(d.code, bin, extra);
        ASSERT_EQ(run.exitCode, 0) << run.out;
        auto job = kiosk::core::escpos::parseEscPos(readBytes(bin));
        ASSERT_TRUE(job) << job.error().message;
        ASSERT_EQ(job->pages.size(), 1u);
        EXPECT_EQ(job->pages[0].image.width, 384);
        EXPECT_EQ(job->pages[0].cut, kiosk::core::escpos::CutMode::Partial);
        EXPECT_EQ(decodeQr(job->pages[0].image), kLookupPrefix + d.code) << (nativeQr ? "native QR" : "raster QR");
    }
}

TEST_F(SlipCliTest, StatusSlipFollowsATokenLinkThroughTheBackend) {
    ASSERT_FALSE(s_backend->tokens().empty());
    const auto& [token, code] = *s_backend->tokens().begin();
    TempDir dir("token");
    const KioskRun run = slipStatus("https://dichvucong.gov.vn/apiqr/qr?id=" + token, dir.path / "t.png");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_EQ(decodeQrInPng(dir.path / "t.png"), kLookupPrefix + code);
}

TEST_F(SlipCliTest, StatusSlipErrorsAreOneLineWithTheLookupKind) {
    TempDir dir("errors");
    const fs::path png = dir.path / "x.png";
    KioskRun run = slipStatus("000.00.06.H56-991231-9999", png);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out.rfind("kiosk slip: not_found: ", 0), 0u) << run.out;
    EXPECT_EQ(std::ranges::count(run.out, '\n'), 1) << run.out;
    EXPECT_FALSE(fs::exists(png));

    // No token: the backend refuses the device.
    run = runKiosk({"slip", "status", s_backend->dossiers().front().code, "--out", png.string(), "--backend",
                    "http://127.0.0.1:" + std::to_string(s_backend->port())});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.out.find("kiosk slip: unauthorized: "), std::string::npos) << run.out;

    run = slipStatus("not a code", png);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.out.find("kiosk slip: invalid: "), std::string::npos) << run.out;

    // Usage errors exit 2.
    run = slipStatus(s_backend->dossiers().front().code, dir.path / "x.txt");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.out.find(".png"), std::string::npos) << run.out;
    run = slipStatus(s_backend->dossiers().front().code, png, {"--lang", "fr"});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    run = slipStatus(s_backend->dossiers().front().code, png, {"--width", "500"});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_FALSE(fs::exists(png));
}

TEST_F(SlipCliTest, GuidanceSlipCarriesTheServiceUrl) {
    auto loaded = kiosk::core::guidance::loadCatalog(fs::path(KIOSK_SOURCE_ASSETS_DIR) / "guidance" / "catalog.json");
    ASSERT_TRUE(loaded) << loaded.error().message;
    const auto* entry = loaded->catalog.find("phieu-ly-lich-tu-phap");  // Cấp Phiếu lý lịch tư pháp
    ASSERT_NE(entry, nullptr);
    TempDir dir("guidance");
    for (const std::string lang : {"vi", "en"}) {
        const fs::path png = dir.path / ("guidance-" + lang + ".png");
        const KioskRun run = runKiosk({"slip", "guidance", entry->id, "--out", png.string(), "--lang", lang});
        ASSERT_EQ(run.exitCode, 0) << run.out;
        EXPECT_EQ(decodeQrInPng(png), entry->url) << lang;
    }
    const fs::path bin = dir.path / "guidance.bin";
    ASSERT_EQ(runKiosk({"slip", "guidance", entry->id, "--out", bin.string()}).exitCode, 0);
    auto job = kiosk::core::escpos::parseEscPos(readBytes(bin));
    ASSERT_TRUE(job) << job.error().message;
    ASSERT_EQ(job->pages.size(), 1u);
    EXPECT_EQ(decodeQr(job->pages[0].image), entry->url);

    const KioskRun unknown = runKiosk({"slip", "guidance", "no-such-procedure", "--out", (dir.path / "u.png").string()});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.out.find("\"no-such-procedure\""), std::string::npos) << unknown.out;
    EXPECT_FALSE(fs::exists(dir.path / "u.png"));
}

// ---- kiosk print-test against kiosk-vprinter ----------------------------------------------------

namespace {

// kiosk-vprinter on an ephemeral port writing into `dir`; SIGTERM and reaped on destruction.
class VirtualPrinter {
public:
    VirtualPrinter(const fs::path& dir, const std::string& paper) {
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<std::string> args = {KIOSK_VPRINTER_EXE, "--listen", "127.0.0.1:0", "--out", dir.string(),
                                         "--paper", paper};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        if (rc != 0) throw std::runtime_error("spawn kiosk-vprinter");
        m_out = ::fdopen(fds[0], "r");
        char line[512];
        const std::string prefix = "listening on ";
        const std::string first = std::fgets(line, sizeof line, m_out) ? std::string{line} : std::string{};
        if (first.rfind(prefix, 0) != 0) throw std::runtime_error("kiosk-vprinter said: " + first);
        m_uri = "tcp://" + first.substr(prefix.size(), first.find_last_not_of("\r\n") + 1 - prefix.size());
    }
    ~VirtualPrinter() {
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        std::fclose(m_out);
    }
    [[nodiscard]] const std::string& uri() const { return m_uri; }

private:
    pid_t m_pid = -1;
    FILE* m_out = nullptr;
    std::string m_uri;
};

std::vector<fs::path> pngsIn(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ".png") out.push_back(e.path());
    }
    std::ranges::sort(out);
    return out;
}

// The printer writes its PNG when the job is complete, which may be just after the kiosk has its
// answer: wait up to 3 s for `count` files.
std::vector<fs::path> waitForPngs(const fs::path& dir, std::size_t count) {
    for (int i = 0; i < 60 && pngsIn(dir).size() < count; ++i) ::usleep(50'000);
    return pngsIn(dir);
}

}  // namespace

TEST(PrintTestCliTest, PrintsToTheVirtualPrinterAndReportsPaperOut) {
    TempDir dir("print-test");
    {
        const fs::path out = dir.path / "ok";
        VirtualPrinter vp(out, "ok");
        const KioskRun run = runKiosk({"print-test", "--printer", vp.uri()});
        EXPECT_EQ(run.exitCode, 0) << run.out;
        EXPECT_EQ(std::ranges::count(run.out, '\n'), 1) << run.out;
        EXPECT_NE(run.out.find("\"printed\":true"), std::string::npos) << run.out;
        EXPECT_NE(run.out.find("\"ready\":true"), std::string::npos) << run.out;
        EXPECT_EQ(waitForPngs(out, 1).size(), 1u);
    }
    {
        const fs::path out = dir.path / "out";
        VirtualPrinter vp(out, "out");
        const KioskRun run = runKiosk({"print-test", "--printer", vp.uri()});
        EXPECT_EQ(run.exitCode, 1) << run.out;
        EXPECT_NE(run.out.find("\"printed\":false"), std::string::npos) << run.out;
        EXPECT_NE(run.out.find("\"kind\":\"paper_out\""), std::string::npos) << run.out;
        EXPECT_TRUE(pngsIn(out).empty());
    }
}

TEST(PrintTestCliTest, TakesThePrinterFromTheConfigLayers) {
    TempDir dir("print-test-config");
    const fs::path out = dir.path / "slips";
    VirtualPrinter vp(out, "ok");
    const fs::path config = dir.path / "kiosk.toml";
    std::ofstream{config} << "[printer]\nuri = \"" << vp.uri() << "\"\nwidth_dots = 384\n";
    // printer.uri from --config FILE
    KioskRun run = runKiosk({"--config", config.string(), "print-test"});
    EXPECT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("\"printer\":\"" + vp.uri() + "\""), std::string::npos) << run.out;
    // the global --printer overrides printer.uri (here: the same printer, given the other way)
    run = runKiosk({"--printer", vp.uri(), "print-test"});
    EXPECT_EQ(run.exitCode, 0) << run.out;
    const auto pngs = waitForPngs(out, 2);
    ASSERT_EQ(pngs.size(), 2u);
    // The first page used printer.width_dots = 384 from the file; the second the default 576.
    const std::vector<int> widths = {384, 576};
    for (std::size_t i = 0; i < pngs.size(); ++i) {
        auto raster = kiosk::core::slip::decodePng(readBytes(pngs[i]));
        ASSERT_TRUE(raster) << raster.error().message;
        EXPECT_EQ(raster->width, widths[i]) << pngs[i];
    }
    // no printer anywhere: a usage error
    run = runKiosk({"print-test"});
    EXPECT_EQ(run.exitCode, 2) << run.out;
}
