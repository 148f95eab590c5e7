// file:PATH: appends each job to a file, for development and demos without a printer.
// Checklist: [x] print  [ ] status (one-way: NoStatus)
#include <fcntl.h>
#include <unistd.h>

#include "platform/linux/printer_backends.hpp"
#include "platform/linux/printer_io.hpp"

namespace platform {

namespace {
class FilePrinter final : public Printer {
public:
    explicit FilePrinter(const PrinterUri& uri) : m_path(uri.target), m_uri(uri.text) {}

    PrintResult<void> print(std::span<const std::uint8_t> job, std::chrono::milliseconds timeout) override {
        const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0644);
        if (fd < 0) {
            return std::unexpected(PrintError{PrintFailure::Unreachable, "cannot open " + m_path + ": " + linux_io::lastError()});
        }
        auto ok = linux_io::writeAll(fd, job, std::chrono::steady_clock::now() + timeout, false);
        if (::close(fd) != 0 && ok) {
            return std::unexpected(PrintError{PrintFailure::Io, "cannot finish writing " + m_path + ": " + linux_io::lastError()});
        }
        return ok;
    }

    PrintResult<PrinterStatus> status(std::chrono::milliseconds) override {
        return std::unexpected(PrintError{PrintFailure::NoStatus, "a file printer has no status"});
    }

    [[nodiscard]] bool twoWay() const override { return false; }
    [[nodiscard]] std::string describe() const override { return m_uri; }

private:
    std::string m_path;
    std::string m_uri;
};
}  // namespace

std::unique_ptr<Printer> makeFilePrinter(const PrinterUri& uri) {
    return std::make_unique<FilePrinter>(uri);
}

}  // namespace platform
