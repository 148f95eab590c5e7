// The real kiosk binary against the hostile inputs of issue 15 ("Hardening"): image files that are
// folders, devices or decompression bombs; configuration files that are FIFOs, devices, symlink loops
// or nest too deep for the TOML parser; a dossier JSON with a name and ID in clear; a printer that
// answers slowly. Each case must end promptly with a clear message, never a crash or a hang.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "backend_process.hpp"
#include "kiosk/core/api/dossier_mapping.hpp"

namespace fs = std::filesystem;

namespace {

using KioskRun = kiosk::test::CommandRun;

// Runs the kiosk binary with `args`.
KioskRun runKiosk(std::vector<std::string> args) {
    args.insert(args.begin(), KIOSK_EXE);
    return kiosk::test::runCombined(args);
}

class HardeningCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("kiosk-hardening-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        // Every run names its own (empty) config, so no /etc/kiosk/kiosk.toml on the machine matters.
        m_config = write("kiosk.toml", "");
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string write(const std::string& name, const std::string& text) {
        const auto path = m_dir / name;
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }

    fs::path m_dir;
    std::string m_config;
};

}  // namespace

// [SECTION] scan-image ---------------------------------------------------------------------------------

TEST_F(HardeningCliTest, ScanImageRefusesFoldersDevicesAndFifosWithAMessage) {
    const std::string fifo = (m_dir / "fifo.png").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // Before: a folder aborted with an uncaught std::ios_failure (exit 134); /dev/zero was read until
    // memory ran out; a FIFO waited for a writer forever.
    const KioskRun run = runKiosk({"--config", m_config, "scan-image", m_dir.string(), "/dev/zero", fifo});
    EXPECT_EQ(run.exitCode, 1) << run.out;
    EXPECT_NE(run.out.find("a directory"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("a device"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("FIFO"), std::string::npos) << run.out;
}

TEST_F(HardeningCliTest, ScanImageRefusesDecompressionBombsFromTheirHeader) {
    // 21 bytes of header claiming 30000 x 30000: before, 2.6 GB and 70 s.
    const std::string bomb = write("bomb.pgm", "P5\n30000 30000\n255\n" + std::string(100, '\x80'));
    const std::string negative = write("negative.pgm", "P5\n4294967295 1\n255\nxxxx");
    const KioskRun run = runKiosk({"--config", m_config, "scan-image", bomb, negative});
    EXPECT_EQ(run.exitCode, 1) << run.out;
    EXPECT_NE(run.out.find("30000x30000 pixels, over the limit of 24000000 pixels"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("PNM header number too long"), std::string::npos) << run.out;
    // The limit is configured: a 200x200 image is refused under a 10000-pixel limit.
    const std::string small = write("small.pgm", "P5 200 200 255\n" + std::string(200 * 200, '\x80'));
    const std::string limited = write("limited.toml", "[camera]\nmax_image_pixels = 10000\n");
    const KioskRun configured = runKiosk({"--config", limited, "scan-image", small});
    EXPECT_NE(configured.out.find("200x200 pixels, over the limit of 10000 pixels"), std::string::npos) << configured.out;
}

// [SECTION] configuration files ------------------------------------------------------------------------

TEST_F(HardeningCliTest, CheckConfigReportsUnreadableFilesWithoutHanging) {
    const std::string fifo = (m_dir / "fifo.toml").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    fs::create_symlink(m_dir / "loop-b.toml", m_dir / "loop-a.toml");
    fs::create_symlink(m_dir / "loop-a.toml", m_dir / "loop-b.toml");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/dev/zero", "a device"}, {fifo, "FIFO"}, {(m_dir / "loop-a.toml").string(), "symlink loop"}};
    for (const auto& [path, why] : cases) {
        const KioskRun run = runKiosk({"check-config", path});
        EXPECT_EQ(run.exitCode, 2) << path << ": " << run.out;
        EXPECT_NE(run.out.find(path + ":0: (file): cannot read: "), std::string::npos) << run.out;
        EXPECT_NE(run.out.find(why), std::string::npos) << run.out;
    }
    // The kiosk itself (any subcommand honouring --config) refuses the same way instead of hanging.
    const KioskRun kiosk = runKiosk({"--config", fifo, "scan-image", "/nonexistent.png"});
    EXPECT_NE(kiosk.exitCode, 0);
    EXPECT_NE(kiosk.out.find("FIFO"), std::string::npos) << kiosk.out;
}

TEST_F(HardeningCliTest, CheckConfigSurvivesADeeplyNestedHeader) {
    // 50,000 parts in 100 KB: before, a stack overflow inside toml++ (SIGSEGV).
    std::string header = "[a";
    for (int i = 0; i < 50'000; ++i) header += ".a";
    const std::string path = write("deep.toml", header + "]\n");
    const KioskRun run = runKiosk({"check-config", path});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_NE(run.out.find(path + ":1: (syntax): a key or table header has more than 8 dotted parts"), std::string::npos)
        << run.out;
}

TEST_F(HardeningCliTest, CheckConfigRefusesPlainHttpToAnotherHost) {
    const std::string path = write("http.toml", "[backend]\nurl = \"http://10.9.8.7:8080\"\n");
    const KioskRun run = runKiosk({"check-config", path});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_NE(run.out.find(path + ":2: backend.url: plain http://"), std::string::npos) << run.out;
    const std::string allowed = write("allowed.toml", "[backend]\nurl = \"http://10.9.8.7:8080\"\nallow_insecure_http = true\n");
    EXPECT_EQ(runKiosk({"check-config", allowed}).exitCode, 0);
    // --backend is not a file: the backend client applies the same rule (kind tls, nothing sent).
    const KioskRun lookup = runKiosk({"--config", m_config, "--backend", "http://10.9.8.7:8080", "lookup", "000.00.06.H56-231027-0361"});
    EXPECT_EQ(lookup.exitCode, 1) << lookup.out;
    EXPECT_NE(lookup.out.find("\"kind\":\"tls\""), std::string::npos) << lookup.out;
}

// [SECTION] slip status --dossier-json -----------------------------------------------------------------

TEST_F(HardeningCliTest, SlipFromDossierJsonIsMaskedLikeEveryOtherPath) {
    // The same dossier twice: once with the name and ID in clear, once already masked. Before, the
    // first printed "Nguyễn Văn An" and "001099012345" on the slip; now both slips are the same.
    kiosk::core::Dossier d;
    d.code = "000.00.06.H56-231027-0361";
    d.status = kiosk::core::DossierStatus::NeedsDocuments;
    d.rawStatus = 5;
    d.procedureName = "Cấp Phiếu lý lịch tư pháp";
    d.applicantMasked = "Nguyễn Văn An";
    d.missingDocuments.push_back({"Bản sao CCCD số 001099012345", "gọi 0912345678"});
    const std::string clear = write("clear.json", kiosk::core::dossierToJson(d));
    const std::string masked = write("masked.json", kiosk::core::dossierToJson(kiosk::core::maskDossier(d)));
    ASSERT_EQ(kiosk::core::dossierToJson(d).find("001099012345") == std::string::npos, false);
    auto slip = [&](const std::string& json, const std::string& out) {
        const KioskRun run = runKiosk({"--config", m_config, "slip", "status", d.code, "--dossier-json", json, "--show-name",
                                       "--out", (m_dir / out).string()});
        EXPECT_EQ(run.exitCode, 0) << run.out;
        std::ifstream in(m_dir / out, std::ios::binary);
        return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    };
    // The slip carries the time to the minute: one of the two clear runs shares the masked run's minute.
    const std::string before = slip(clear, "clear-1.bin");
    const std::string reference = slip(masked, "masked.bin");
    const std::string after = slip(clear, "clear-2.bin");
    ASSERT_FALSE(reference.empty());
    EXPECT_TRUE(before == reference || after == reference) << "the slip from clear data differs from the masked one";
}

// [SECTION] print-test ---------------------------------------------------------------------------------

namespace {

/// A TCP "printer" on loopback that answers every DLE EOT after `delay`: slow enough that each status
/// exchange (four queries) takes a large part of the timeout.
class SlowStatusPrinter {
public:
    explicit SlowStatusPrinter(std::chrono::milliseconds delay) : m_delay(delay) {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(m_listen, 8) != 0 ||
            ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
            throw std::runtime_error("listen");
        }
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~SlowStatusPrinter() {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_thread.join();
    }
    SlowStatusPrinter(const SlowStatusPrinter&) = delete;
    SlowStatusPrinter& operator=(const SlowStatusPrinter&) = delete;
    [[nodiscard]] std::string uri() const { return "tcp://127.0.0.1:" + std::to_string(m_port); }

private:
    void serve() {
        while (!m_stop) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0) return;
            // One connection at a time, like a real printer: read, and answer each DLE EOT n late.
            unsigned char buf[4096];
            int state = 0;  // bytes of "DLE EOT" seen
            ssize_t n = 0;
            while (!m_stop && (n = ::read(fd, buf, sizeof buf)) > 0) {
                for (ssize_t i = 0; i < n; ++i) {
                    if (state == 0 && buf[i] == 0x10) state = 1;
                    else if (state == 1 && buf[i] == 0x04) state = 2;
                    else if (state == 2) {
                        std::this_thread::sleep_for(m_delay);
                        const unsigned char ready = 0x12;  // online, paper in, cover closed
                        // MSG_NOSIGNAL: the kiosk may have hung up; that must not kill the test.
                        if (::send(fd, &ready, 1, MSG_NOSIGNAL) != 1) break;
                        state = 0;
                    } else {
                        state = 0;
                    }
                }
            }
            ::close(fd);
        }
    }

    std::chrono::milliseconds m_delay;
    int m_listen = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

}  // namespace

TEST_F(HardeningCliTest, PrintTestTimeoutIsTheWholeWait) {
    // Each status exchange takes 4 x 700 ms of a 3000 ms timeout. Before, every printer call had the
    // whole timeout: status, print (with its trailing status) and status again, 8.4 s of printer waits.
    // Now the printer calls share the 3 s; the margin is for rendering the page (slow under ASan).
    SlowStatusPrinter printer{std::chrono::milliseconds{700}};
    const KioskRun run = runKiosk({"--config", m_config, "print-test", "--printer", printer.uri(), "--timeout-ms", "3000"});
    EXPECT_LT(run.elapsed, std::chrono::milliseconds{7500}) << run.out;
    EXPECT_NE(run.out.find("\"printer\":\"" + printer.uri() + "\""), std::string::npos) << run.out;
}
