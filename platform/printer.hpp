#pragma once
// Printer transports. A printer is named by a URI in config or by `--printer URI`:
//   usb:/dev/usb/lp0     device file (USB printer class); status read back when the device allows
//   tcp://HOST:PORT      raw TCP (port 9100), two-way: DLE EOT status replies
//   cups:QUEUE           a raw CUPS queue through libcups; status from the queue's state reasons
//   file:PATH            appends jobs to a file (development)
// Every call takes a timeout and returns within it (plus scheduling slack); none throws. Callers
// run them off the UI thread (kiosk/app/print_service.hpp).

#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/escpos/printer_status.hpp"

namespace platform {

using kiosk::core::escpos::PrinterStatus;

/// Why printing failed; the UI picks the citizen's message from this, staff see the text.
enum class PrintErrorKind {
    InvalidUri,    ///< the URI is malformed or names an unknown scheme
    Unreachable,   ///< cannot open the device / connect / reach CUPS
    Timeout,       ///< the printer did not accept data or answer in time
    Disconnected,  ///< the printer closed the link before the job was confirmed (half-written job)
    Offline,       ///< the printer reports offline
    PaperOut,      ///< no paper
    CoverOpen,     ///< cover open
    PrinterError,  ///< cutter or mechanical error reported by the printer
    BadReply,      ///< the printer answered bytes that are not a status reply
    NoStatus,      ///< this transport cannot report status (one-way link)
    Busy,          ///< too many jobs queued
    Io,            ///< other OS-level failure
};

/// Stable lower-case name ("paper_out", ...) for logs and JSON.
std::string_view toString(PrintErrorKind kind);

struct PrintError {
    PrintErrorKind kind = PrintErrorKind::Io;
    std::string message;  ///< for staff and logs
};

template <class T>
using PrintResult = std::expected<T, PrintError>;

/// Maps onto the project-wide error kinds for generic logging.
kiosk::core::Error toCoreError(const PrintError& error);

/// The error a not-ready printer gives (PaperOut before CoverOpen before Offline/PrinterError), or
/// success when `status.ready()`.
PrintResult<void> readiness(const PrinterStatus& status);

/// A parsed printer URI.
struct PrinterUri {
    enum class Scheme { Usb, Tcp, Cups, File };
    Scheme scheme = Scheme::File;
    std::string target;        ///< device path, CUPS queue or file path; host for tcp
    std::uint16_t port = 9100; ///< tcp only
    std::string text;          ///< the URI as given, for messages
};

/// Parses `usb:/dev/usb/lp0`, `tcp://HOST:PORT` (port optional, default 9100; `[v6]:port` allowed),
/// `cups:QUEUE`, `file:PATH`.
/// @return the URI or an InvalidInput error saying what is wrong.
kiosk::core::Result<PrinterUri> parsePrinterUri(std::string_view uri);

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

/// Builds the backend for `uri` (implemented by the platform library the kiosk links:
/// platform_linux builds real transports, platform_fake a FakePrinter for any URI).
std::unique_ptr<Printer> openPrinter(const PrinterUri& uri);

}  // namespace platform
