#pragma once
// The files of staff mode, all in operations.data_dir unless configured otherwise:
//   staff.pin (staff.pin_file)  the argon2id hash of the PIN, mode 0600, written atomically
//   staff-lockout.json          wrong PINs in a row and the lockout's end, so a restart does not reset them
//   staff-audit.log             the audit log, one JSON line per entry, cut to its newest half at
//                               staff.audit_max_kb
//   device.token                the device token provisioning obtained (unless backend.token_file names one)
// Every call here touches the disk: call them on a worker thread, or before the frame loop starts.

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/config/settings.hpp"
#include "kiosk/core/staff/audit.hpp"
#include "kiosk/core/staff/pin_lockout.hpp"

namespace kiosk::app {

struct StaffPaths {
    std::filesystem::path dataDir;
    std::filesystem::path pinFile;
    std::filesystem::path lockoutFile;
    std::filesystem::path auditFile;
    std::filesystem::path defaultTokenFile;  ///< where provisioning puts the token when backend.token_file is empty
};

/// The paths for @p settings (staff.pin_file, or the defaults in operations.data_dir).
StaffPaths staffPathsFor(const core::Settings& settings);

/// Creates the data folder (mode 0750) when it does not exist. @return an Io error naming it
core::Result<void> ensureDataDir(const std::filesystem::path& dir);

/// The PIN hash. @return the hash; NotFound when there is no file (no PIN set); Io when it cannot
///         be read or other users can read it (it is then refused: fix with chmod 600); InvalidInput
///         when it does not hold a hash
core::Result<std::string> readPinHash(const std::filesystem::path& file);

/// Writes a PIN hash atomically, mode 0600 (creating the folder when needed). Run as root, the file
/// belongs to the owner of its folder (the kiosk's user) rather than to root.
core::Result<void> writePinHash(const std::filesystem::path& file, const std::string& hash);

/// The lockout record. A missing file is no lockout; a file that cannot be read or parsed counts as
/// a lockout starting now (fail closed: a damaged record must not reset the count). @p lockout is the
/// configured lockout (staff.lockout_s).
core::PinLockoutRecord readPinLockout(const std::filesystem::path& file, std::chrono::sys_seconds now,
                                      std::chrono::seconds lockout);

/// Writes the lockout record atomically (mode 0600).
core::Result<void> writePinLockout(const std::filesystem::path& file, const core::PinLockoutRecord& record);

/// The audit log file. Thread-safe. Each entry is also logged ("audit: ..."), so it reaches the
/// journal under systemd.
class AuditLog {
public:
    /// @param file     the log file (its folder must exist to write)
    /// @param maxBytes beyond this the file is cut to its newest half
    AuditLog(std::filesystem::path file, std::size_t maxBytes);

    /// Appends one entry (and logs it). Failures are logged, never thrown: auditing must not stop staff.
    void append(const core::AuditEntry& entry);

    /// The newest @p max entries, newest first.
    [[nodiscard]] std::vector<core::AuditEntry> newest(std::size_t max) const;

private:
    std::filesystem::path m_file;
    std::size_t m_maxBytes;
    mutable std::mutex m_mutex;  // one writer at a time
};

}  // namespace kiosk::app
