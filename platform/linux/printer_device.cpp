// usb:/dev/usb/lp0: a printer device file (Linux usblp).
// Checklist: [x] print with timeout (non-blocking writes + poll)  [x] status when the device is
//            readable (usblp passes the printer's DLE EOT answers back)  [ ] hot-plug (udev rule)
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include "platform/linux/printer_backends.hpp"
#include "platform/linux/printer_io.hpp"

namespace platform {

namespace {
class DevicePrinter final : public Printer {
public:
    explicit DevicePrinter(const PrinterUri& uri) : m_path(uri.target), m_uri(uri.text) {
        // Probe once whether the device opens read-write: only then can it answer status.
        const int fd = ::open(m_path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd >= 0) {
            m_readable = true;
            ::close(fd);
        }
    }

    PrintResult<void> print(std::span<const std::uint8_t> job, std::chrono::milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        const int fd = ::open(m_path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            return std::unexpected(PrintError{PrintFailure::Unreachable, "cannot open " + m_path + ": " + linux_io::lastError()});
        }
        auto ok = linux_io::writeAll(fd, job, deadline, false);
        ::close(fd);
        return ok;
    }

    PrintResult<PrinterStatus> status(std::chrono::milliseconds timeout) override {
        if (!m_readable) {
            return std::unexpected(PrintError{PrintFailure::NoStatus, m_path + " is write-only: no status"});
        }
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        const int fd = ::open(m_path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            return std::unexpected(PrintError{PrintFailure::Unreachable, "cannot open " + m_path + ": " + linux_io::lastError()});
        }
        auto st = linux_io::exchangeStatus(fd, deadline, false);
        ::close(fd);
        return st;
    }

    [[nodiscard]] bool twoWay() const override { return m_readable; }
    [[nodiscard]] std::string describe() const override { return m_uri; }

private:
    std::string m_path;
    std::string m_uri;
    bool m_readable = false;
};
}  // namespace

std::unique_ptr<Printer> makeDevicePrinter(const PrinterUri& uri) {
    return std::make_unique<DevicePrinter>(uri);
}

}  // namespace platform
