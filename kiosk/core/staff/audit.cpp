#include "kiosk/core/staff/audit.hpp"

#include <nlohmann/json.hpp>


#include "kiosk/core/api/iso_time.hpp"

namespace kiosk::core {
std::string_view toString(AuditAction action) {
    switch (action) {
        case AuditAction::StaffEntered: return "staff_entered";
        case AuditAction::StaffLeft: return "staff_left";
        case AuditAction::PinFailed: return "pin_failed";
        case AuditAction::PinLockout: return "pin_lockout";
        case AuditAction::SettingChanged: return "setting_changed";
        case AuditAction::SettingsRejected: return "settings_rejected";
        case AuditAction::TestPagePrinted: return "test_page_printed";
        case AuditAction::BackendTested: return "backend_tested";
        case AuditAction::PinChanged: return "pin_changed";
        case AuditAction::Restart: return "restart";
        case AuditAction::Shutdown: return "shutdown";
        case AuditAction::Reboot: return "reboot";
        case AuditAction::Provisioned: return "provisioned";
        case AuditAction::ProvisioningFailed: return "provisioning_failed";
    }
    return "unknown";
}

std::optional<AuditAction> auditActionFromString(std::string_view name) {
    for (const AuditAction a : kAllAuditActions) {
        if (toString(a) == name) return a;
    }
    return std::nullopt;
}

AuditEntry settingChanged(std::chrono::sys_seconds at, std::string key, std::string from, std::string to, bool secret) {
    AuditEntry e;
    e.at = at;
    e.action = AuditAction::SettingChanged;
    e.key = std::move(key);
    e.from = secret ? std::string("(changed)") : std::move(from);
    e.to = secret ? std::string("(changed)") : std::move(to);
    return e;
}

std::string toJsonLine(const AuditEntry& entry) {
    nlohmann::ordered_json j;
    j["at"] = formatIsoTime(ZonedTime{entry.at, std::chrono::minutes{0}});
    j["action"] = toString(entry.action);
    if (!entry.key.empty()) j["key"] = entry.key;
    if (entry.action == AuditAction::SettingChanged) {
        j["from"] = entry.from;
        j["to"] = entry.to;
    }
    if (!entry.detail.empty()) j["detail"] = entry.detail;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<AuditEntry> parseAuditLine(std::string_view line) {
    const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("at") || !j["at"].is_string() || !j.contains("action") || !j["action"].is_string()) {
        return fail(ErrorKind::Parse, "not an audit entry");
    }
    const auto action = auditActionFromString(j["action"].get<std::string>());
    const auto at = parseIsoTime(j["at"].get<std::string>());
    if (!action || !at) return fail(ErrorKind::Parse, "not an audit entry");
    AuditEntry e;
    e.at = at->utc;
    e.action = *action;
    auto text = [&](const char* name) {
        return j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : std::string();
    };
    e.key = text("key");
    e.from = text("from");
    e.to = text("to");
    e.detail = text("detail");
    return e;
}

std::string describe(const AuditEntry& entry) {
    std::string out{toString(entry.action)};
    if (!entry.key.empty()) out += " " + entry.key;
    if (entry.action == AuditAction::SettingChanged) out += " " + entry.from + " -> " + entry.to;
    if (!entry.detail.empty()) out += " (" + entry.detail + ")";
    return out;
}

std::vector<AuditEntry> newestEntries(std::string_view fileText, std::size_t max) {
    std::vector<AuditEntry> out;
    std::size_t end = fileText.size();
    while (end > 0 && out.size() < max) {
        std::size_t start = fileText.rfind('\n', end - 1);
        start = start == std::string_view::npos ? 0 : start + 1;
        const std::string_view line = fileText.substr(start, end - start);
        if (!line.empty()) {
            if (auto e = parseAuditLine(line)) out.push_back(std::move(*e));
        }
        end = start == 0 ? 0 : start - 1;
    }
    return out;
}

}  // namespace kiosk::core
