// tcp://HOST:PORT: a network thermal printer on raw TCP (usually port 9100).
// Checklist: [x] print with timeout  [x] DLE EOT status  [x] job confirmed by a trailing status
//            [x] half-written job reported  [ ] TLS (printers do not speak it)
// Each call opens its own connection: printers serve one client at a time and drop idle ones, so
// holding a connection open between slips would fail in the field.
#include <cerrno>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <utility>

#include "platform/linux/printer_backends.hpp"
#include "platform/linux/printer_io.hpp"

namespace platform {

namespace {
using linux_io::Deadline;

class Fd {
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd(Fd&& o) noexcept : m_fd(std::exchange(o.m_fd, -1)) {}
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

class TcpPrinter final : public Printer {
public:
    TcpPrinter(std::string host, std::uint16_t port, std::string uri)
        : m_host(std::move(host)), m_port(port), m_uri(std::move(uri)) {}

    PrintResult<void> print(std::span<const std::uint8_t> job, std::chrono::milliseconds timeout) override {
        const Deadline deadline = std::chrono::steady_clock::now() + timeout;
        auto fd = connectWithin(deadline);
        if (!fd) return std::unexpected(fd.error());
        if (auto ok = linux_io::writeAll(fd->get(), job, deadline, true); !ok) return ok;
        // The trailing status proves the printer read the whole job (its answer comes after the
        // job's bytes in the stream) and tells us whether the paper ran out meanwhile.
        auto status = linux_io::exchangeStatus(fd->get(), deadline, true);
        if (!status) {
            auto e = status.error();
            if (e.kind == PrintFailure::Disconnected) {
                e.message = "printer closed the connection before confirming the job (half-written job): " + e.message;
            } else if (e.kind == PrintFailure::Timeout) {
                e.message = "job sent but the printer never confirmed it: " + e.message;
            }
            return std::unexpected(e);
        }
        if (status->paperOut) {
            return std::unexpected(PrintError{PrintFailure::PaperOut, "printer ran out of paper during the job"});
        }
        return {};
    }

    PrintResult<PrinterStatus> status(std::chrono::milliseconds timeout) override {
        const Deadline deadline = std::chrono::steady_clock::now() + timeout;
        auto fd = connectWithin(deadline);
        if (!fd) return std::unexpected(fd.error());
        return linux_io::exchangeStatus(fd->get(), deadline, true);
    }

    [[nodiscard]] bool twoWay() const override { return true; }
    [[nodiscard]] std::string describe() const override { return m_uri; }

private:
    PrintResult<Fd> connectWithin(Deadline deadline) {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_NUMERICSERV;
        addrinfo* found = nullptr;
        // Printers are configured by IP address in practice; a name lookup here can block up to the
        // resolver's own timeout, which is why the service calls this off the UI thread.
        const std::string port = std::to_string(m_port);
        if (const int rc = ::getaddrinfo(m_host.c_str(), port.c_str(), &hints, &found); rc != 0) {
            return std::unexpected(PrintError{PrintFailure::Unreachable,
                                              "cannot resolve printer host: " + std::string{::gai_strerror(rc)}});
        }
        PrintError last{PrintFailure::Unreachable, "no address for printer host"};
        for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
            Fd fd{::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol)};
            if (fd.get() < 0) {
                last = {PrintFailure::Io, "socket: " + linux_io::lastError()};
                continue;
            }
            const int one = 1;
            ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            if (::connect(fd.get(), ai->ai_addr, ai->ai_addrlen) == 0) {
                ::freeaddrinfo(found);
                return fd;
            }
            if (errno != EINPROGRESS) {
                last = {PrintFailure::Unreachable, "cannot connect to printer: " + linux_io::lastError()};
                continue;
            }
            pollfd p{fd.get(), POLLOUT, 0};
            int rc = 0;
            do {
                rc = ::poll(&p, 1, linux_io::remainingMs(deadline));
            } while (rc < 0 && errno == EINTR);
            if (rc == 0) {
                last = {PrintFailure::Timeout, "printer did not accept the connection in time"};
                break;
            }
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len);
            if (rc > 0 && err == 0) {
                ::freeaddrinfo(found);
                return fd;
            }
            errno = err;
            last = {PrintFailure::Unreachable, "cannot connect to printer: " + linux_io::lastError()};
        }
        ::freeaddrinfo(found);
        return std::unexpected(last);
    }

    std::string m_host;
    std::uint16_t m_port;
    std::string m_uri;
};
}  // namespace

std::unique_ptr<Printer> makeTcpPrinter(const PrinterUri& uri) {
    return std::make_unique<TcpPrinter>(uri.target, uri.port, uri.text);
}

}  // namespace platform
