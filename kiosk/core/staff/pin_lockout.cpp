#include "kiosk/core/staff/pin_lockout.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::core {

std::string renderPinLockout(const PinLockoutRecord& record) {
    nlohmann::ordered_json j;
    j["failures"] = record.failures;
    if (record.lockedUntil) {
        j["locked_until"] = record.lockedUntil->time_since_epoch().count();
    } else {
        j["locked_until"] = nullptr;
    }
    return j.dump() + "\n";
}

Result<PinLockoutRecord> parsePinLockout(std::string_view text) {
    const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("failures") || !j["failures"].is_number_integer()) {
        return fail(ErrorKind::Parse, "not a PIN lockout record");
    }
    PinLockoutRecord record;
    record.failures = std::max(0, j["failures"].get<int>());
    if (j.contains("locked_until") && !j["locked_until"].is_null()) {
        if (!j["locked_until"].is_number_integer()) return fail(ErrorKind::Parse, "locked_until is not a time");
        record.lockedUntil = std::chrono::sys_seconds{std::chrono::seconds{j["locked_until"].get<std::int64_t>()}};
    }
    return record;
}

std::optional<std::chrono::steady_clock::time_point> steadyDeadline(std::optional<std::chrono::sys_seconds> until,
                                                                    std::chrono::sys_seconds wallNow,
                                                                    std::chrono::steady_clock::time_point steadyNow,
                                                                    std::chrono::seconds longest) {
    if (!until || *until <= wallNow) return std::nullopt;
    return steadyNow + std::min<std::chrono::seconds>(*until - wallNow, longest);
}

std::optional<std::chrono::sys_seconds> wallDeadline(std::optional<std::chrono::steady_clock::time_point> until,
                                                     std::chrono::steady_clock::time_point steadyNow,
                                                     std::chrono::sys_seconds wallNow) {
    if (!until) return std::nullopt;
    if (*until <= steadyNow) return wallNow;
    return wallNow + std::chrono::ceil<std::chrono::seconds>(*until - steadyNow);
}

}  // namespace kiosk::core
