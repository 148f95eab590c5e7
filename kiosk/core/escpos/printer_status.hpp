#pragma once
// Printer status from ESC/POS real-time status replies (DLE EOT n, n = 1..4). Every reply byte has
// bits 1 and 4 set and bits 0 and 7 clear; anything else is not a status byte and is rejected.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core::escpos {

/// What staff, heartbeats and the print service need to know about the printer.
struct PrinterStatus {
    bool online = true;
    bool coverOpen = false;
    bool paperNearEnd = false;
    bool paperOut = false;
    bool error = false;  ///< cutter, mechanical or unrecoverable error
    friend bool operator==(const PrinterStatus&, const PrinterStatus&) = default;

    /// True when a job can be printed now (online, paper in, cover closed, no error).
    [[nodiscard]] bool ready() const { return online && !coverOpen && !paperOut && !error; }
};

/// The request bytes for DLE EOT n.
std::array<std::uint8_t, 3> statusRequest(int n);

/// Folds one reply byte of DLE EOT `n` (1..4) into `status`.
/// @return an error when `n` is out of range or `reply` is not a valid status byte.
Result<void> applyStatusByte(PrinterStatus& status, int n, std::uint8_t reply);

/// Parses the four replies to DLE EOT 1, 2, 3, 4 (in that order).
Result<PrinterStatus> parseStatusReplies(std::span<const std::uint8_t> replies);

/// The byte a printer in `status` answers to DLE EOT `n` (used by the virtual printer and tests).
std::uint8_t statusByteFor(const PrinterStatus& status, int n);

/// One line of JSON: {"online":true,"cover_open":false,...}.
std::string toJson(const PrinterStatus& status);

}  // namespace kiosk::core::escpos
