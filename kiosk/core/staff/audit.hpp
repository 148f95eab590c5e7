#pragma once
// The staff audit log: who did what in staff mode, as kinds, keys and times. An entry never holds a
// PIN, a PIN hash, a device token or an enrolment code, and never personal data; a setting's old and
// new value are written only for keys that are not secret (ConfigKeyInfo::secret).
//
// One JSON object per line in operations.data_dir/staff-audit.log (kiosk/app/staff/audit_log.hpp keeps
// it size-limited); each entry is also logged, so under systemd it is in the journal.

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

enum class AuditAction {
    StaffEntered,     ///< the right PIN opened staff mode
    StaffLeft,        ///< staff left (detail: "button" or "idle")
    PinFailed,        ///< a wrong PIN (detail: the count in a row)
    PinLockout,       ///< too many wrong PINs (detail: seconds locked)
    SettingChanged,   ///< key, from, to (saved to the local file)
    SettingsRejected, ///< a save was refused (detail: the first problem)
    TestPagePrinted,  ///< detail: "printed" or the failure kind
    BackendTested,    ///< detail: "ok" or the error kind
    PinChanged,       ///< a new PIN was set (never the PIN)
    Restart,          ///< the kiosk program restarts
    Shutdown,         ///< the device was told to power off (detail: the command's outcome)
    Reboot,           ///< the device was told to reboot
    Provisioned,      ///< provisioning succeeded (detail: kiosk ID)
    ProvisioningFailed,  ///< detail: the failure kind
};

inline constexpr std::array<AuditAction, 14> kAllAuditActions{
    AuditAction::StaffEntered, AuditAction::StaffLeft,       AuditAction::PinFailed,        AuditAction::PinLockout,
    AuditAction::SettingChanged, AuditAction::SettingsRejected, AuditAction::TestPagePrinted, AuditAction::BackendTested,
    AuditAction::PinChanged,   AuditAction::Restart,         AuditAction::Shutdown,         AuditAction::Reboot,
    AuditAction::Provisioned,  AuditAction::ProvisioningFailed};

/// Stable name ("staff_entered", ...): the log file and translation keys ("staff.audit.staff_entered").
std::string_view toString(AuditAction action);

/// Parses a name written by toString. @return std::nullopt for an unknown name
std::optional<AuditAction> auditActionFromString(std::string_view name);

struct AuditEntry {
    std::chrono::sys_seconds at{};
    AuditAction action = AuditAction::StaffEntered;
    std::string key;     ///< SettingChanged: the dotted key
    std::string from;    ///< SettingChanged: the value before (TOML text), or "(fleet)" when it was not local
    std::string to;      ///< SettingChanged: the value after, or "(fleet)" when reset to the fleet value
    std::string detail;  ///< a kind, a count or a kiosk ID; never personal data
    friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

/// A SettingChanged entry; the values of a secret key are replaced by "(changed)".
AuditEntry settingChanged(std::chrono::sys_seconds at, std::string key, std::string from, std::string to, bool secret);

/// One line of JSON (no newline): {"at":"2026-11-28T09:15:02Z","action":"setting_changed",...}.
std::string toJsonLine(const AuditEntry& entry);

/// Reads a line written by toJsonLine. @return the entry, or a Parse error
Result<AuditEntry> parseAuditLine(std::string_view line);

/// One line for the log and the journal: "setting_changed ui.idle_timeout_s 60 -> 90".
std::string describe(const AuditEntry& entry);

/// The newest @p max entries of a log file's text, newest first; lines that do not parse are skipped.
std::vector<AuditEntry> newestEntries(std::string_view fileText, std::size_t max);

}  // namespace kiosk::core
