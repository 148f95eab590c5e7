// Printer transports over loopback: against kiosk-vprinter (paper states, real PNG output) and
// against sockets that misbehave on purpose (never answer, close mid-job).
#include <gtest/gtest.h>

#define ZX_USE_UTF8 1  // Result::text() returns UTF-8 (ZXing 1.4 transition switch)
#include <ZXing/ReadBarcode.h>

#include <arpa/inet.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "kiosk/app/services/print_service.hpp"
#include "kiosk/core/escpos/escpos_encoder.hpp"
#include "kiosk/core/escpos/escpos_parser.hpp"
#include "kiosk/core/slip/status_slip.hpp"
#include "platform/printer.hpp"
#include "tests/support/slip_samples.hpp"

extern char** environ;

using namespace std::chrono_literals;
using platform::PrintFailure;

namespace {

// A child process whose stdout we read line by line; killed (SIGTERM) and reaped on destruction.
class Child {
public:
    explicit Child(std::vector<std::string> args) {
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
            throw std::runtime_error("spawn " + args[0]);
        }
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        m_out = ::fdopen(fds[0], "r");
    }
    ~Child() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
        if (m_out) std::fclose(m_out);
    }
    std::string readLine() {
        char buf[4096];
        if (std::fgets(buf, sizeof buf, m_out) == nullptr) return {};
        std::string s = buf;
        if (!s.empty() && s.back() == '\n') s.pop_back();
        return s;
    }

private:
    pid_t m_pid = -1;
    FILE* m_out = nullptr;
};

// kiosk-vprinter on an ephemeral port, writing into a fresh folder.
struct VirtualPrinter {
    std::filesystem::path dir;
    std::unique_ptr<Child> child;
    std::string uri;

    explicit VirtualPrinter(const std::string& paper) {
        dir = std::filesystem::temp_directory_path() /
              ("kiosk-vprinter-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::remove_all(dir);
        child = std::make_unique<Child>(std::vector<std::string>{KIOSK_VPRINTER_EXE, "--listen", "127.0.0.1:0", "--out",
                                                                 dir.string(), "--paper", paper});
        const std::string first = child->readLine();
        const std::string prefix = "listening on ";
        if (first.rfind(prefix, 0) != 0) throw std::runtime_error("vprinter said: " + first);
        uri = "tcp://" + first.substr(prefix.size());
    }
    ~VirtualPrinter() { std::filesystem::remove_all(dir); }
    std::vector<std::filesystem::path> slips() const {
        std::vector<std::filesystem::path> out;
        if (std::filesystem::exists(dir)) {
            for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path());
        }
        std::sort(out.begin(), out.end());
        return out;
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

std::unique_ptr<platform::Printer> open(const std::string& uri) {
    auto parsed = kiosk::core::parsePrinterUri(uri);
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return platform::openPrinter(*parsed);
}

struct StatusJob {
    std::vector<std::uint8_t> bytes;
    std::string url;
};

StatusJob statusSlipJob() {
    static const kiosk::test::NotoFonts fonts;
    const auto sample = kiosk::test::statusSamples().at(8);
    auto r = fonts.renderer().render(kiosk::core::slip::buildStatusSlip(sample.answer, sample.input));
    if (!r) throw std::runtime_error(r.error().message);
    return {kiosk::core::escpos::encodeJob(r->raster), sample.dossier.publicLookupUrl};
}

// A listening socket on 127.0.0.1 that accepts nothing: the kernel completes handshakes into the
// backlog, so a client connects and writes, but nobody ever reads or answers.
struct DeafListener {
    int fd = -1;
    int port = 0;
    DeafListener() {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 4) != 0) {
            throw std::runtime_error("listen");
        }
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
    }
    ~DeafListener() { ::close(fd); }
};

std::string decodeQrInPng(const std::filesystem::path& png) {
    auto raster = kiosk::core::slip::decodePng(kiosk::test::readFileBytes(png.string()));
    if (!raster) return {};
    const auto grey = raster->toGrey();
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const auto result = ZXing::ReadBarcode({grey.data(), raster->width, raster->height, ZXing::ImageFormat::Lum}, hints);
    return result.isValid() ? result.text() : std::string{};
}

// Runs a PrintService job to completion and returns its outcome.
kiosk::app::PrintOutcome printThroughService(const std::string& uri, std::vector<std::uint8_t> job,
                                             std::chrono::milliseconds timeout = 3s) {
    std::mutex m;
    std::condition_variable cv;
    std::optional<kiosk::app::PrintOutcome> outcome;
    {
        kiosk::app::PrintService service(open(uri), [&](const kiosk::app::PrintOutcome& o) {
            std::lock_guard lock(m);
            outcome = o;
            cv.notify_all();
        }, {.timeout = timeout});
        service.submit(std::move(job));
        std::unique_lock lock(m);
        cv.wait_for(lock, timeout * 3, [&] { return outcome.has_value(); });
    }
    if (!outcome) throw std::runtime_error("no outcome");
    return *outcome;
}

std::string runKiosk(const std::string& args, int* exitCode = nullptr) {
    const std::string cmd = std::string{KIOSK_EXE} + " " + args + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
    const int status = ::pclose(p);
    if (exitCode) *exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

}  // namespace

TEST(PrintingIntegrationTest, SlipPrintedToVirtualPrinterBecomesAPngWithAReadableQr) {
    VirtualPrinter vp("ok");
    const auto job = statusSlipJob();
    const auto outcome = printThroughService(vp.uri, job.bytes);
    ASSERT_TRUE(outcome.result) << outcome.result.error().message;
    ASSERT_TRUE(outcome.status);
    EXPECT_TRUE(outcome.status->ready());
    EXPECT_EQ(vp.child->readLine().rfind("slip ", 0), 0u);
    const auto slips = vp.slips();
    ASSERT_EQ(slips.size(), 1u);
    EXPECT_EQ(decodeQrInPng(slips[0]), job.url);
}

TEST(PrintingIntegrationTest, PaperOutStopsThePrintWithTheRightError) {
    VirtualPrinter vp("out");
    const auto outcome = printThroughService(vp.uri, statusSlipJob().bytes);
    ASSERT_FALSE(outcome.result);
    EXPECT_EQ(outcome.result.error().kind, PrintFailure::PaperOut) << outcome.result.error().message;
    ASSERT_TRUE(outcome.status);
    EXPECT_TRUE(outcome.status->paperOut);
    EXPECT_TRUE(vp.slips().empty()) << "nothing may be sent to a printer without paper";
}

TEST(PrintingIntegrationTest, CoverOpenAndNearEndAreReported) {
    {
        VirtualPrinter vp("cover-open");
        const auto outcome = printThroughService(vp.uri, statusSlipJob().bytes);
        ASSERT_FALSE(outcome.result);
        EXPECT_EQ(outcome.result.error().kind, PrintFailure::CoverOpen);
    }
    {
        VirtualPrinter vp("near-end");
        const auto outcome = printThroughService(vp.uri, statusSlipJob().bytes);
        ASSERT_TRUE(outcome.result) << "near end still prints";
        ASSERT_TRUE(outcome.status);
        EXPECT_TRUE(outcome.status->paperNearEnd);
    }
}

TEST(PrintingIntegrationTest, PrinterThatNeverAnswersTimesOutWithinItsTimeout) {
    DeafListener deaf;
    auto printer = open("tcp://127.0.0.1:" + std::to_string(deaf.port));
    const auto timeout = 700ms;
    const auto margin = 500ms;

    auto start = std::chrono::steady_clock::now();
    auto st = printer->status(timeout);
    auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().kind, PrintFailure::Timeout) << st.error().message;
    EXPECT_GE(elapsed, timeout - 50ms);
    EXPECT_LE(elapsed, timeout + margin);

    // A job bigger than the socket buffers: the writes themselves stall.
    std::vector<std::uint8_t> big = statusSlipJob().bytes;
    while (big.size() < 16u * 1024u * 1024u) big.insert(big.end(), big.begin(), big.end());
    start = std::chrono::steady_clock::now();
    auto printed = printer->print(big, timeout);
    elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(printed);
    EXPECT_EQ(printed.error().kind, PrintFailure::Timeout) << printed.error().message;
    EXPECT_LE(elapsed, timeout + margin);
}

TEST(PrintingIntegrationTest, HalfWrittenJobIsReported) {
    // A "printer" that reads the first 2000 bytes of the job and then drops the connection.
    DeafListener listener;
    std::thread peer([&] {
        const int c = ::accept(listener.fd, nullptr, nullptr);
        if (c < 0) return;
        std::vector<char> buf(2000);
        std::size_t got = 0;
        while (got < buf.size()) {
            const auto n = ::recv(c, buf.data() + got, buf.size() - got, 0);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        linger hard{1, 0};  // close with RST, like a printer rebooting mid-job
        ::setsockopt(c, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        ::close(c);
    });
    auto printer = open("tcp://127.0.0.1:" + std::to_string(listener.port));
    auto printed = printer->print(statusSlipJob().bytes, 3s);
    peer.join();
    ASSERT_FALSE(printed);
    EXPECT_EQ(printed.error().kind, PrintFailure::Disconnected) << printed.error().message;
}

TEST(PrintingIntegrationTest, VirtualPrinterSurvivesGarbageAndPrintsTheNextJob) {
    VirtualPrinter vp("ok");
    {
        auto printer = open(vp.uri);
        const std::vector<std::uint8_t> garbage{'G', 'E', 'T', ' ', '/', '\r', '\n', 0xFF, 0x00};
        // The virtual printer rejects the stream and closes: the transport sees no confirmation.
        auto r = printer->print(garbage, 2s);
        EXPECT_FALSE(r);
    }
    auto printer = open(vp.uri);
    auto r = printer->print(statusSlipJob().bytes, 3s);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(vp.slips().size(), 1u);
}

TEST(PrintingIntegrationTest, PrintTestCommandReportsStatusAsOneJsonLine) {
    {
        VirtualPrinter vp("near-end");
        const std::string out = runKiosk("print-test --printer " + vp.uri);
        EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
        EXPECT_NE(out.find("\"printed\":true"), std::string::npos) << out;
        EXPECT_NE(out.find("\"paper_near_end\":true"), std::string::npos) << out;
        ASSERT_EQ(vp.slips().size(), 1u);
    }
    {
        VirtualPrinter vp("out");
        const std::string out = runKiosk("print-test --printer " + vp.uri);
        EXPECT_NE(out.find("\"printed\":false"), std::string::npos) << out;
        EXPECT_NE(out.find("\"kind\":\"paper_out\""), std::string::npos) << out;
        EXPECT_TRUE(vp.slips().empty());
    }
}

TEST(PrintingIntegrationTest, FileTransportAppendsJobs) {
    const auto path = std::filesystem::temp_directory_path() / ("kiosk-file-printer-" + std::to_string(::getpid()) + ".bin");
    std::filesystem::remove(path);
    auto printer = open("file:" + path.string());
    EXPECT_FALSE(printer->twoWay());
    const std::vector<std::uint8_t> job{0x1B, '@'};
    ASSERT_TRUE(printer->print(job, 1s));
    ASSERT_TRUE(printer->print(job, 1s));
    EXPECT_EQ(std::filesystem::file_size(path), 4u);
    EXPECT_EQ(printer->status(1s).error().kind, PrintFailure::NoStatus);
    std::filesystem::remove(path);
}

TEST(PrintingIntegrationTest, VirtualPrinterDrawsNativeQrCodes) {
    VirtualPrinter vp("ok");
    const std::string url = "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=000.00.04.H40-230414-0002";
    kiosk::core::escpos::EscPosEncoder enc;
    enc.init();
    ASSERT_TRUE(enc.nativeQr(url, 5));
    enc.feedDots(48).cut(kiosk::core::escpos::CutMode::Partial);
    auto printer = open(vp.uri);
    auto r = printer->print(enc.bytes(), 3s);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_NE(vp.child->readLine().find("qr=1"), std::string::npos);
    const auto slips = vp.slips();
    ASSERT_EQ(slips.size(), 1u);
    EXPECT_EQ(decodeQrInPng(slips[0]), url);
}

TEST(PrintingIntegrationTest, SlipStatusCommandWritesPngAndEscPos) {
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-slip-cli-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string code = "000.00.06.H56-231027-0361";
    const std::string url = "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=" + code;
    {
        std::ofstream j(dir / "d.json");
        j << R"({"code":")" << code << R"(","status":4,"procedure":{"name":"Đăng ký khai sinh"},)"
          << R"("due":"2026-12-03T17:00:00+07:00","public_url":")" << url << R"("})";
    }
    int rc = -1;
    const std::string base = "slip status " + code + " --dossier-json " + (dir / "d.json").string();
    runKiosk(base + " --out " + (dir / "s.png").string(), &rc);
    EXPECT_EQ(rc, 0);
    // The QR is office.public_lookup_url (here the compiled-in default) with the code, as on every
    // slip the kiosk prints; the JSON's public_url is used only when that template is empty.
    EXPECT_EQ(decodeQrInPng(dir / "s.png"), "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=" + code);

    runKiosk(base + " --out " + (dir / "s.bin").string() + " --width 576", &rc);
    EXPECT_EQ(rc, 0);
    auto job = kiosk::core::escpos::parseEscPos(kiosk::test::readFileBytes((dir / "s.bin").string()));
    ASSERT_TRUE(job) << job.error().message;
    ASSERT_EQ(job->pages.size(), 1u);
    EXPECT_EQ(job->pages[0].image.width, 576);

    // Wrong code, unknown extension, malformed JSON: clear messages, non-zero exit, no crash.
    std::string out = runKiosk("slip status 000.00.06.H56-231027-9999 --dossier-json " + (dir / "d.json").string() +
                               " --out " + (dir / "x.png").string(), &rc);
    EXPECT_NE(rc, 0);
    EXPECT_NE(out.find("not 000.00.06.H56-231027-9999"), std::string::npos) << out;
    out = runKiosk(base + " --out " + (dir / "x.txt").string(), &rc);
    EXPECT_NE(rc, 0);
    EXPECT_NE(out.find(".png"), std::string::npos) << out;
    {
        std::ofstream j(dir / "bad.json");
        j << R"({"code": 12, "status": "x")";
    }
    out = runKiosk("slip status " + code + " --dossier-json " + (dir / "bad.json").string() + " --out " +
                   (dir / "x.png").string(), &rc);
    EXPECT_NE(rc, 0);
    EXPECT_NE(out.find("not a JSON object"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
    std::filesystem::remove_all(dir);
}
