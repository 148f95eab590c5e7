#pragma once
// The PIN lockout as it is kept on disk (operations.data_dir/staff-lockout.json), so that pulling the
// plug does not reset the count of wrong PINs. The flow counts in monotonic time (it never reads a
// clock); the record holds wall-clock time, which survives a restart. These conversions are the only
// place the two meet, and they never let a lockout last longer than one whole lockout from now (a
// clock set forward or back cannot lock staff out for days).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

struct PinLockoutRecord {
    int failures = 0;                                  ///< wrong PINs in a row
    std::optional<std::chrono::sys_seconds> lockedUntil;  ///< the pad is locked until then
    friend bool operator==(const PinLockoutRecord&, const PinLockoutRecord&) = default;
};

/// `{"failures":3,"locked_until":1761900000}` (locked_until: Unix seconds or null).
std::string renderPinLockout(const PinLockoutRecord& record);

/// Reads what renderPinLockout wrote. @return the record, or a Parse error (the caller then starts
/// from "locked now" rather than from zero, see docs/staff.md)
Result<PinLockoutRecord> parsePinLockout(std::string_view text);

/// A monotonic deadline for a wall-clock one, at most @p longest from now.
/// @return std::nullopt when @p until is empty or already past
std::optional<std::chrono::steady_clock::time_point> steadyDeadline(
    std::optional<std::chrono::sys_seconds> until, std::chrono::sys_seconds wallNow,
    std::chrono::steady_clock::time_point steadyNow, std::chrono::seconds longest);

/// The wall-clock time of a monotonic deadline (rounded up to the second).
std::optional<std::chrono::sys_seconds> wallDeadline(std::optional<std::chrono::steady_clock::time_point> until,
                                                     std::chrono::steady_clock::time_point steadyNow,
                                                     std::chrono::sys_seconds wallNow);

}  // namespace kiosk::core
