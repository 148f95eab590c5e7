#include "platform/linux/printer_io.hpp"

#include <cerrno>
#include <system_error>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kiosk/core/escpos/printer_status.hpp"

namespace platform::linux_io {

int remainingMs(Deadline deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return left.count() <= 0 ? 0 : static_cast<int>(std::min<long long>(left.count(), 1'000'000));
}

std::string lastError() {
    return std::generic_category().message(errno);
}

namespace {
// Waits for `events`; returns 1 ready, 0 timeout, -1 error (errno set).
int waitFor(int fd, short events, Deadline deadline) {
    for (;;) {
        pollfd p{fd, events, 0};
        const int rc = ::poll(&p, 1, remainingMs(deadline));
        if (rc < 0 && errno == EINTR) continue;
        if (rc <= 0) return rc;
        if ((p.revents & (POLLERR | POLLNVAL)) != 0 && (p.revents & events) == 0) {
            errno = EPIPE;
            return -1;
        }
        return 1;
    }
}
}  // namespace

PrintResult<void> writeAll(int fd, std::span<const std::uint8_t> bytes, Deadline deadline, bool isSocket) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const int ready = waitFor(fd, POLLOUT, deadline);
        if (ready == 0) {
            return std::unexpected(PrintError{PrintFailure::Timeout, "printer stopped accepting data after " +
                                                                           std::to_string(sent) + " of " +
                                                                           std::to_string(bytes.size()) + " bytes"});
        }
        ssize_t n = -1;
        if (ready > 0) {
            n = isSocket ? ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL)
                         : ::write(fd, bytes.data() + sent, bytes.size() - sent);
        }
        if (n < 0) {
            if (ready > 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
            const bool closed = errno == EPIPE || errno == ECONNRESET || errno == ENOTCONN;
            return std::unexpected(PrintError{closed ? PrintFailure::Disconnected : PrintFailure::Io,
                                              "printer link failed after " + std::to_string(sent) + " of " +
                                                  std::to_string(bytes.size()) + " bytes: " + lastError()});
        }
        sent += static_cast<std::size_t>(n);
    }
    return {};
}

PrintResult<void> readExact(int fd, std::span<std::uint8_t> out, Deadline deadline, bool isSocket) {
    std::size_t got = 0;
    while (got < out.size()) {
        const int ready = waitFor(fd, POLLIN, deadline);
        if (ready == 0) {
            return std::unexpected(PrintError{PrintFailure::Timeout, "printer did not answer in time (" +
                                                                           std::to_string(got) + " of " +
                                                                           std::to_string(out.size()) + " status bytes)"});
        }
        ssize_t n = -1;
        if (ready > 0) {
            n = isSocket ? ::recv(fd, out.data() + got, out.size() - got, 0) : ::read(fd, out.data() + got, out.size() - got);
        }
        if (n == 0) {
            return std::unexpected(PrintError{PrintFailure::Disconnected, "printer closed the link before answering"});
        }
        if (n < 0) {
            if (ready > 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
            const bool closed = errno == EPIPE || errno == ECONNRESET || errno == ENOTCONN;
            return std::unexpected(PrintError{closed ? PrintFailure::Disconnected : PrintFailure::Io,
                                              "reading the printer's answer failed: " + lastError()});
        }
        got += static_cast<std::size_t>(n);
    }
    return {};
}

PrintResult<PrinterStatus> exchangeStatus(int fd, Deadline deadline, bool isSocket) {
    std::uint8_t request[12];
    for (int n = 1; n <= 4; ++n) {
        const auto r = kiosk::core::escpos::statusRequest(n);
        std::copy(r.begin(), r.end(), request + (n - 1) * 3);
    }
    if (auto ok = writeAll(fd, request, deadline, isSocket); !ok) {
        return std::unexpected(ok.error());
    }
    std::uint8_t replies[4];
    if (auto ok = readExact(fd, replies, deadline, isSocket); !ok) {
        return std::unexpected(ok.error());
    }
    auto status = kiosk::core::escpos::parseStatusReplies(replies);
    if (!status) {
        return std::unexpected(PrintError{PrintFailure::BadReply, status.error().message});
    }
    return *status;
}

}  // namespace platform::linux_io
