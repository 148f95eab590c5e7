#pragma once
// Printer transports. A printer is named by a URI in config or by `--printer URI`
// (kiosk/core/printer/printer_uri.hpp parses it):
//   usb:/dev/usb/lp0     device file (USB printer class); status read back when the device allows
//   tcp://HOST[:PORT]    raw TCP (port 9100 by default), two-way: DLE EOT status replies
//   cups:QUEUE           a raw CUPS queue through libcups; status from the queue's state reasons
//   file:PATH            appends jobs to a file (development)
// Every call takes a timeout and returns within it (plus scheduling slack); none throws. Callers
// run them off the UI thread (kiosk/app/services/print_service.hpp).

#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/escpos/printer_status.hpp"
#include "kiosk/core/printer/print_failure.hpp"
#include "kiosk/core/printer/printer_uri.hpp"

namespace platform {

using kiosk::core::escpos::PrinterStatus;

using kiosk::core::PrintFailure;
using kiosk::core::PrinterUri;

struct PrintError {
    PrintFailure kind = PrintFailure::Io;
    std::string message;  ///< for staff and logs
};

template <class T>
using PrintResult = std::expected<T, PrintError>;

/// The error a not-ready printer gives (PaperOut before CoverOpen before Offline/PrinterError), or
/// success when `status.ready()`.
PrintResult<void> readiness(const PrinterStatus& status);

/// One printer. Implementations are not thread-safe: one thread (the print worker) uses it.
class Printer {
public:
    virtual ~Printer() = default;

    /// Sends one whole job. On two-way transports the job is confirmed by a status request sent
    /// after it: a link that closes before the answer is a Disconnected error, and a printer that
    /// ran out of paper meanwhile is a PaperOut error.
    virtual PrintResult<void> print(std::span<const std::uint8_t> job, std::chrono::milliseconds timeout) = 0;

    /// Asks the printer for its status (DLE EOT 1..4 on ESC/POS links).
    /// @return the status, NoStatus on one-way transports, or a transport error.
    virtual PrintResult<PrinterStatus> status(std::chrono::milliseconds timeout) = 0;

    /// True when status() can answer (TCP, CUPS, a readable USB device).
    [[nodiscard]] virtual bool twoWay() const = 0;

    /// The URI, for logs.
    [[nodiscard]] virtual std::string describe() const = 0;
};

/// Builds the backend for `uri`. Defined once per platform library: platform_linux builds the real
/// transport for the scheme, platform_fake a FakePrinter for any URI.
std::unique_ptr<Printer> openPrinter(const PrinterUri& uri);

}  // namespace platform
