// kiosk-vprinter: listens like a network thermal printer (raw TCP, port 9100 style), parses the
// ESC/POS it receives with the kiosk's own parser, writes every cut slip as a PNG (raster bands and
// native QR codes both drawn) and answers DLE EOT status requests with a configured paper state.
// For tests, the demo and anyone without a printer.
//
//   kiosk-vprinter --listen 127.0.0.1:0 --out /tmp/slips --paper ok|near-end|out|cover-open
//
// The first line on stdout is "listening on HOST:PORT" (flushed), then one line per slip written:
// "slip PATH WIDTHxHEIGHT qr=N". Problems go to stderr. Connections are served one at a time; each
// is bounded in bytes and idle time, and garbage closes the connection, never the program.
#include <CLI/CLI.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <system_error>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kiosk/core/escpos/escpos_parser.hpp"
#include "kiosk/core/escpos/printer_status.hpp"
#include "kiosk/core/slip/raster.hpp"

namespace {

using kiosk::core::escpos::EscPosParser;
using kiosk::core::escpos::ParsedPage;
using kiosk::core::escpos::ParserEvent;
using kiosk::core::escpos::PrinterStatus;

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int) {
    g_stop = 1;
}

struct Config {
    std::string listen = "127.0.0.1:9100";
    std::string outDir;
    std::string paper = "ok";
    int idleTimeoutMs = 10000;
    std::size_t maxJobBytes = 16u * 1024u * 1024u;
    int maxConnections = 0;  // 0 = serve until SIGINT/SIGTERM
};

PrinterStatus paperStatus(const std::string& paper) {
    if (paper == "near-end") return PrinterStatus{.paperNearEnd = true};
    if (paper == "out") return PrinterStatus{.online = false, .paperNearEnd = true, .paperOut = true};
    if (paper == "cover-open") return PrinterStatus{.online = false, .coverOpen = true};
    return PrinterStatus{};
}

class Printer {
public:
    explicit Printer(const Config& config) : m_config(config), m_status(paperStatus(config.paper)) {}

    // Serves one connection until the peer closes, it idles too long, sends too much, or garbage.
    void serve(int fd) {
        EscPosParser parser;
        std::size_t total = 0;
        std::vector<std::uint8_t> buf(64 * 1024);
        for (;;) {
            pollfd p{fd, POLLIN, 0};
            const int rc = ::poll(&p, 1, m_config.idleTimeoutMs);
            if (rc < 0 && errno == EINTR) {
                if (g_stop) return;
                continue;
            }
            if (rc == 0) {
                std::cerr << "vprinter: connection idle for " << m_config.idleTimeoutMs << " ms, closing\n";
                break;
            }
            const ssize_t n = ::recv(fd, buf.data(), buf.size(), 0);
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (n <= 0) {
                if (n < 0) std::cerr << "vprinter: receive failed: " << std::generic_category().message(errno) << "\n";
                break;
            }
            total += static_cast<std::size_t>(n);
            if (total > m_config.maxJobBytes) {
                std::cerr << "vprinter: rejected: connection sent more than " << m_config.maxJobBytes << " bytes\n";
                return;
            }
            auto events = parser.feed(std::span{buf.data(), static_cast<std::size_t>(n)});
            if (!events) {
                std::cerr << "vprinter: rejected: " << events.error().message << "\n";
                flushPages(parser, false);
                return;
            }
            // In stream order: a slip cut before a status request is on disk before the answer
            // leaves, so a client that got its confirmation can look for the PNG at once.
            for (const auto& e : *events) {
                if (e.kind == ParserEvent::Kind::PageDone) {
                    flushPages(parser, false);
                } else if (e.kind == ParserEvent::Kind::StatusRequest) {
                    const std::uint8_t reply = kiosk::core::escpos::statusByteFor(m_status, e.n);
                    if (::send(fd, &reply, 1, MSG_NOSIGNAL) != 1) {
                        std::cerr << "vprinter: could not answer a status request\n";
                    }
                }
            }
            flushPages(parser, false);
        }
        if (auto done = parser.finish(); !done) {
            std::cerr << "vprinter: incomplete job: " << done.error().message << "\n";
        }
        flushPages(parser, true);
    }

private:
    void flushPages(EscPosParser& parser, bool includeUncut) {
        for (auto& page : parser.takePages()) {
            output(page, "");
        }
        if (includeUncut) {
            if (auto page = parser.takeUncutPage()) {
                output(*page, "-uncut");
            }
        }
    }

    void output(const ParsedPage& page, const char* suffix) {
        if (!m_status.ready()) {
            std::cerr << "vprinter: paper " << m_config.paper << ": job discarded, nothing printed\n";
            return;
        }
        if (page.image.width == 0 || page.image.height == 0) {
            return;  // a cut with nothing printed (e.g. a bare init + cut)
        }
        ++m_count;
        if (m_config.outDir.empty()) {
            std::cout << "slip - " << page.image.width << "x" << page.image.height << " qr=" << page.qrPayloads.size()
                      << std::endl;
            return;
        }
        char name[64];
        std::snprintf(name, sizeof name, "slip-%04d%s.png", m_count, suffix);
        const auto path = std::filesystem::path{m_config.outDir} / name;
        auto png = kiosk::core::slip::encodePng(page.image);
        if (!png) {
            std::cerr << "vprinter: " << png.error().message << "\n";
            return;
        }
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(png->data()), static_cast<std::streamsize>(png->size()));
        out.close();
        if (!out) {
            std::cerr << "vprinter: cannot write " << path << "\n";
            return;
        }
        std::cout << "slip " << path.string() << " " << page.image.width << "x" << page.image.height
                  << " qr=" << page.qrPayloads.size() << std::endl;
    }

    const Config& m_config;
    PrinterStatus m_status;
    int m_count = 0;
};

int listenOn(const std::string& spec, std::string& bound) {
    const auto colon = spec.rfind(':');
    if (colon == std::string::npos) {
        std::cerr << "vprinter: --listen must be HOST:PORT\n";
        return -1;
    }
    const std::string host = spec.substr(0, colon);
    int port = -1;
    try {
        port = std::stoi(spec.substr(colon + 1));
    } catch (const std::exception&) {
        port = -1;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    if (port < 0 || port > 65535 || ::inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1) {
        std::cerr << "vprinter: --listen needs an IPv4 address and a port 0..65535, got '" << spec << "'\n";
        return -1;
    }
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 8) != 0) {
        std::cerr << "vprinter: cannot listen on " << spec << ": " << std::generic_category().message(errno) << "\n";
        if (fd >= 0) ::close(fd);
        return -1;
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    bound = host + ":" + std::to_string(ntohs(addr.sin_port));
    return fd;
}

}  // namespace

int main(int argc, char** argv) {
    Config config;
    CLI::App cli{"Virtual ESC/POS network printer: writes received slips as PNG", "kiosk-vprinter"};
    cli.add_option("--listen", config.listen, "HOST:PORT to listen on (port 0 picks a free port)");
    cli.add_option("--out", config.outDir, "Folder for slip PNGs (created if missing)");
    cli.add_option("--paper", config.paper, "Paper state answered to DLE EOT")
        ->check(CLI::IsMember({"ok", "near-end", "out", "cover-open"}));
    cli.add_option("--idle-timeout-ms", config.idleTimeoutMs, "Close a connection idle this long")->check(CLI::Range(10, 600000));
    cli.add_option("--max-job-bytes", config.maxJobBytes, "Close a connection that sends more than this");
    cli.add_option("--max-connections", config.maxConnections, "Exit after serving this many connections (0 = no limit)");
    CLI11_PARSE(cli, argc, argv);

    if (!config.outDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config.outDir, ec);
        if (ec) {
            std::cerr << "vprinter: cannot create " << config.outDir << ": " << ec.message() << "\n";
            return 1;
        }
    }
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    std::string bound;
    const int listener = listenOn(config.listen, bound);
    if (listener < 0) {
        return 1;
    }
    std::cout << "listening on " << bound << std::endl;

    Printer printer(config);
    int served = 0;
    while (!g_stop && (config.maxConnections == 0 || served < config.maxConnections)) {
        pollfd p{listener, POLLIN, 0};
        const int rc = ::poll(&p, 1, 200);
        if (rc <= 0) continue;
        const int fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        printer.serve(fd);
        ::close(fd);
        ++served;
    }
    ::close(listener);
    return 0;
}
