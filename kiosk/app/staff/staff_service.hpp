#pragma once
// StaffService: the slow parts of staff mode, on one worker thread so the UI thread never waits on a
// file, the network or a child process: verifying and setting the PIN (argon2id is slow on purpose),
// the lockout record, the audit log, reading and saving the configuration, the backend test,
// provisioning, and the power commands. Each call queues a job and returns; the answer comes back as a
// callback on the UI thread (through `RunOnUi`, the shell's main-thread queue).

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/composition/global_options.hpp"
#include "kiosk/app/services/task_worker.hpp"
#include "kiosk/app/staff/staff_files.hpp"
#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/config/config_loader.hpp"
#include "kiosk/core/staff/audit.hpp"
#include "kiosk/core/staff/settings_editor.hpp"

namespace kiosk::app {

/// What the settings and audit pages show, read on the worker when staff mode opens.
struct StaffData {
    core::ConfigTexts texts;                  ///< the files as read (for planning a save)
    core::LoadedSettings merged;              ///< with provenance, as the kiosk would load them now
    std::vector<core::ConfigEntry> entries;   ///< listConfig(merged)
    std::vector<core::AuditEntry> audit;      ///< newest first
};

/// The PIN's state at start or after a reload.
struct PinStatus {
    bool set = false;      ///< a usable hash exists
    std::string problem;   ///< why not ("" when set): no file, unreadable, readable by others, not a hash
};

class StaffService {
public:
    /// Thread-safe: runs a callback on the UI thread.
    using RunOnUi = std::function<void(std::function<void()>)>;

    /// @param options  the run's global options (which files are the configuration)
    /// @param settings the loaded settings (paths, commands, limits)
    /// @param runOnUi  hands callbacks to the UI thread
    StaffService(GlobalOptions options, const core::Settings& settings, RunOnUi runOnUi);
    ~StaffService();  ///< finishes the running job (every one has a timeout), drops queued ones
    StaffService(const StaffService&) = delete;
    StaffService& operator=(const StaffService&) = delete;

    /// Settings after a reload (UI thread). Jobs queued later use them.
    void setSettings(const core::Settings& settings);

    /// Reads the PIN file now (blocking: call before the frame loop, or from a worker).
    static PinStatus readPinStatus(const core::Settings& settings);
    /// Reads the lockout record now (blocking: call before the frame loop).
    static core::PinLockoutRecord readLockout(const core::Settings& settings);

    // -- each queues a job; `done` runs on the UI thread
    void verifyPin(std::string pin, std::function<void(bool ok)> done);
    void recordPinState(core::PinLockoutRecord record);
    void audit(core::AuditAction action, std::string detail);
    void loadData(std::function<void(std::shared_ptr<const StaffData>)> done);
    /// Checks and writes the local overrides; audits every change.
    /// @param done ok, a restart is needed for some key, the first problem ("" when ok)
    void saveSettings(core::SettingsDraft draft, std::function<void(bool ok, bool restartNeeded, std::string)> done);
    /// One authenticated backend request (the guidance catalog with a made-up ETag): reachable,
    /// token accepted. @param done the failure kind (none: ok) and the round trip in ms
    void testBackend(std::function<void(std::optional<core::LookupErrorKind>, double ms)> done);
    /// Hashes and writes a new PIN (checked again here); audits it.
    void setPin(std::string pin, std::function<void(bool ok)> done);
    /// provisionKiosk on the worker. @param done ok, the failure kind
    void provision(std::string documentText, std::function<void(bool ok, std::string failure)> done);
    /// Runs staff.poweroff_command or staff.reboot_command (30 s at most). @param done ok, a detail
    void powerOff(bool reboot, std::function<void(bool ok, std::string detail)> done);
    /// Runs @p done on the UI thread once every job queued before it has finished.
    void whenIdle(std::function<void()> done);
    /// Loads the settings again (for ReloadSettings) and the PIN's state.
    void reloadSettings(std::function<void(core::Result<core::LoadedSettings>, PinStatus)> done);

private:
    GlobalOptions m_options;
    core::Settings m_settings;  // UI thread's copy; jobs capture what they need
    RunOnUi m_runOnUi;
    std::shared_ptr<AuditLog> m_audit;  // shared with running jobs
    std::unique_ptr<TaskWorker> m_worker;  // last: stops first
};

/// Restarts the kiosk program in place: the same executable and arguments (/proc/self/cmdline).
/// Call after the window and services are gone. @return only when exec failed (the reason is logged)
void restartProgram();

/// Runs `/bin/sh -c command` and waits at most @p timeout. @return the exit code, or std::nullopt when
/// it could not start or timed out (then it is killed)
std::optional<int> runCommand(const std::string& command, std::chrono::seconds timeout);

}  // namespace kiosk::app
