#include "kiosk/core/escpos/printer_status.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::core::escpos {

namespace {
// Bits fixed in every DLE EOT reply: bit 1 and bit 4 set, bit 0 and bit 7 clear.
constexpr std::uint8_t kFixedMask = 0x93;
constexpr std::uint8_t kFixedValue = 0x12;
}  // namespace

std::array<std::uint8_t, 3> statusRequest(int n) {
    return {0x10, 0x04, static_cast<std::uint8_t>(n)};
}

Result<void> applyStatusByte(PrinterStatus& status, int n, std::uint8_t reply) {
    if (n < 1 || n > 4) {
        return fail(ErrorKind::InvalidInput, "DLE EOT n must be 1..4");
    }
    if ((reply & kFixedMask) != kFixedValue) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "printer reply 0x%02X to DLE EOT %d is not a status byte", reply, n);
        return fail(ErrorKind::Parse, buf);
    }
    switch (n) {
        case 1:  // printer status: bit 3 = offline
            status.online = (reply & 0x08) == 0;
            break;
        case 2:  // offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error
            status.coverOpen = (reply & 0x04) != 0;
            status.paperOut = status.paperOut || (reply & 0x20) != 0;
            status.error = status.error || (reply & 0x40) != 0;
            break;
        case 3:  // error cause: bit 3 cutter, bit 5 unrecoverable, bit 6 auto-recoverable
            status.error = status.error || (reply & 0x68) != 0;
            break;
        case 4:  // paper sensor: bits 2-3 near end, bits 5-6 paper end
            status.paperNearEnd = (reply & 0x0C) != 0;
            status.paperOut = status.paperOut || (reply & 0x60) != 0;
            break;
        default:
            break;
    }
    return {};
}

Result<PrinterStatus> parseStatusReplies(std::span<const std::uint8_t> replies) {
    if (replies.size() != 4) {
        return fail(ErrorKind::Parse, "expected 4 status bytes, got " + std::to_string(replies.size()));
    }
    PrinterStatus status;
    for (int n = 1; n <= 4; ++n) {
        if (auto ok = applyStatusByte(status, n, replies[static_cast<std::size_t>(n - 1)]); !ok) {
            return std::unexpected(ok.error());
        }
    }
    return status;
}

std::uint8_t statusByteFor(const PrinterStatus& s, int n) {
    std::uint8_t b = kFixedValue;
    switch (n) {
        case 1:
            if (!s.online || s.coverOpen || s.paperOut || s.error) {
                b |= 0x08;
            }
            break;
        case 2:
            if (s.coverOpen) b |= 0x04;
            if (s.paperOut) b |= 0x20;
            if (s.error) b |= 0x40;
            break;
        case 3:
            if (s.error) b |= 0x20;
            break;
        case 4:
            if (s.paperNearEnd || s.paperOut) b |= 0x0C;
            if (s.paperOut) b |= 0x60;
            break;
        default:
            break;
    }
    return b;
}

std::string toJson(const PrinterStatus& s) {
    nlohmann::ordered_json j;
    j["online"] = s.online;
    j["cover_open"] = s.coverOpen;
    j["paper_near_end"] = s.paperNearEnd;
    j["paper_out"] = s.paperOut;
    j["error"] = s.error;
    j["ready"] = s.ready();
    return j.dump();
}

}  // namespace kiosk::core::escpos
