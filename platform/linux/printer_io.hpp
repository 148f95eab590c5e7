#pragma once
// Internal to the linux printer backends: deadline-bounded reads and writes on a non-blocking file
// descriptor (device or socket), and the DLE EOT status exchange shared by usb: and tcp:.

#include <chrono>
#include <cstdint>
#include <span>
#include <string>

#include "platform/printer.hpp"

namespace platform::linux_io {

using Deadline = std::chrono::steady_clock::time_point;

/// Milliseconds left until `deadline` (0 when past), for poll().
int remainingMs(Deadline deadline);

/// Writes all of `bytes`; a timeout or a closed peer reports how much was sent.
PrintResult<void> writeAll(int fd, std::span<const std::uint8_t> bytes, Deadline deadline, bool isSocket);

/// Reads exactly `out.size()` bytes.
PrintResult<void> readExact(int fd, std::span<std::uint8_t> out, Deadline deadline, bool isSocket);

/// Sends DLE EOT 1, 2, 3, 4 and parses the four replies.
PrintResult<PrinterStatus> exchangeStatus(int fd, Deadline deadline, bool isSocket);

/// "strerror(errno)" of the current errno.
std::string lastError();

}  // namespace platform::linux_io
