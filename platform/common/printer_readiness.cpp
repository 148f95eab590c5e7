// The platform-independent part of printer.hpp (platform_common).
#include "platform/printer.hpp"

namespace platform {

PrintResult<void> readiness(const PrinterStatus& s) {
    if (s.paperOut) return std::unexpected(PrintError{PrintFailure::PaperOut, "printer is out of paper"});
    if (s.coverOpen) return std::unexpected(PrintError{PrintFailure::CoverOpen, "printer cover is open"});
    if (s.error) return std::unexpected(PrintError{PrintFailure::PrinterError, "printer reports an error"});
    if (!s.online) return std::unexpected(PrintError{PrintFailure::Offline, "printer is offline"});
    return {};
}

}  // namespace platform
