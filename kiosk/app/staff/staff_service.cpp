// StaffService: staff mode's jobs on one worker. Index: [SECTION] helpers, [SECTION] construction,
// [SECTION] PIN, [SECTION] settings and audit, [SECTION] backend and provisioning, [SECTION] power.
//
// Logging rule: kinds, keys and outcomes. Never a PIN, a hash, a token or an enrolment code.
#include "kiosk/app/staff/staff_service.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/staff/config_files.hpp"
#include "kiosk/app/staff/provisioner.hpp"
#include "kiosk/core/common/atomic_file.hpp"
#include "kiosk/core/common/system_error.hpp"
#include "kiosk/core/staff/pin.hpp"

extern char** environ;

namespace kiosk::app {

//-----------------------------------------------------------------------------
// [SECTION] helpers
//-----------------------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

std::chrono::sys_seconds wallNow() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

core::AuditEntry entry(core::AuditAction action, std::string detail) {
    core::AuditEntry e;
    e.at = wallNow();
    e.action = action;
    e.detail = std::move(detail);
    return e;
}

std::size_t auditBytes(const core::Settings& s) { return static_cast<std::size_t>(s.staff.auditMaxKb) * 1024; }

}  // namespace

std::optional<int> runCommand(const std::string& command, std::chrono::seconds timeout) {
    pid_t pid = -1;
    const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
    if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) return std::nullopt;
    const auto deadline = Clock::now() + timeout;
    int status = 0;
    while (true) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0) return std::nullopt;
        if (Clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return WIFEXITED(status) ? std::optional{WEXITSTATUS(status)} : std::nullopt;
}

void restartProgram() {
    // The same arguments as this run, from the kernel's copy (argv is not kept anywhere else).
    std::ifstream in{"/proc/self/cmdline", std::ios::binary};
    std::ostringstream raw;
    raw << in.rdbuf();
    std::vector<std::string> args;
    std::string current;
    for (const char c : raw.str()) {
        if (c == '\0') {
            args.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (args.empty()) {
        spdlog::error("restart: cannot read this program's arguments");
        return;
    }
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    spdlog::info("restarting the kiosk program");
    spdlog::default_logger()->flush();
    ::execv("/proc/self/exe", argv.data());
    spdlog::error("restart: exec failed: {}", core::systemErrorText(errno));
}

//-----------------------------------------------------------------------------
// [SECTION] construction
//-----------------------------------------------------------------------------

StaffService::StaffService(GlobalOptions options, const core::Settings& settings, RunOnUi runOnUi)
    : m_options(std::move(options)), m_settings(settings), m_runOnUi(std::move(runOnUi)),
      m_audit(std::make_shared<AuditLog>(staffPathsFor(settings).auditFile, auditBytes(settings))),
      m_worker(std::make_unique<TaskWorker>()) {}

StaffService::~StaffService() { m_worker.reset(); }

void StaffService::setSettings(const core::Settings& settings) {
    m_settings = settings;
    auto audit = std::make_shared<AuditLog>(staffPathsFor(settings).auditFile, auditBytes(settings));
    m_worker->post([this, audit] { m_audit = audit; });  // swapped on the worker, between jobs
}

//-----------------------------------------------------------------------------
// [SECTION] PIN
//-----------------------------------------------------------------------------

PinStatus StaffService::readPinStatus(const core::Settings& settings) {
    auto hash = readPinHash(staffPathsFor(settings).pinFile);
    if (hash) return PinStatus{true, {}};
    return PinStatus{false, hash.error().message};
}

core::PinLockoutRecord StaffService::readLockout(const core::Settings& settings) {
    return readPinLockout(staffPathsFor(settings).lockoutFile, wallNow(), std::chrono::seconds(settings.staff.lockoutS));
}

void StaffService::verifyPin(std::string pin, std::function<void(bool)> done) {
    const auto file = staffPathsFor(m_settings).pinFile;
    m_worker->post([this, file, pin = std::move(pin), done = std::move(done)]() mutable {
        const auto started = Clock::now();
        auto hash = readPinHash(file);
        const bool ok = hash && core::verifyPin(*hash, pin);
        std::fill(pin.begin(), pin.end(), '\0');
        if (!hash) spdlog::error("staff PIN: {}", hash.error().message);
        spdlog::debug("staff PIN checked in {:.0f} ms",
                      std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        m_runOnUi([done = std::move(done), ok] { done(ok); });
    });
}

void StaffService::recordPinState(core::PinLockoutRecord record) {
    const auto file = staffPathsFor(m_settings).lockoutFile;
    m_worker->post([file, record] {
        if (auto written = writePinLockout(file, record); !written) {
            spdlog::error("staff: the PIN lockout cannot be recorded: {}", written.error().message);
        }
    });
}

void StaffService::setPin(std::string pin, std::function<void(bool)> done) {
    const auto file = staffPathsFor(m_settings).pinFile;
    m_worker->post([this, file, pin = std::move(pin), done = std::move(done)]() mutable {
        bool ok = false;
        if (const auto weak = core::checkNewPin(pin)) {
            spdlog::warn("staff: new PIN refused ({})", core::toString(*weak));
        } else if (auto hash = core::hashPin(pin); !hash) {
            spdlog::error("staff: {}", hash.error().message);
        } else if (auto written = writePinHash(file, *hash); !written) {
            spdlog::error("staff: the new PIN cannot be saved: {}", written.error().message);
        } else {
            ok = true;
            m_audit->append(entry(core::AuditAction::PinChanged, {}));
        }
        std::fill(pin.begin(), pin.end(), '\0');
        m_runOnUi([done = std::move(done), ok] { done(ok); });
    });
}

//-----------------------------------------------------------------------------
// [SECTION] settings and audit
//-----------------------------------------------------------------------------

void StaffService::audit(core::AuditAction action, std::string detail) {
    m_worker->post([this, e = entry(action, std::move(detail))] { m_audit->append(e); });
}

void StaffService::loadData(std::function<void(std::shared_ptr<const StaffData>)> done) {
    m_worker->post([this, done = std::move(done)] {
        auto data = std::make_shared<StaffData>();
        data->texts = readConfigTexts(m_options);
        data->merged = core::mergeConfigTexts(data->texts);
        data->entries = core::listConfig(data->merged);
        data->audit = m_audit->newest(200);
        m_runOnUi([done, data = std::shared_ptr<const StaffData>(std::move(data))] { done(data); });
    });
}

void StaffService::saveSettings(core::SettingsDraft draft, std::function<void(bool, bool, std::string)> done) {
    m_worker->post([this, draft = std::move(draft), done = std::move(done)] {
        // Planned on the files as they are now, not as they were when the page opened.
        const core::ConfigTexts texts = readConfigTexts(m_options);
        const core::SavePlan plan = core::planLocalSave(texts, draft);
        auto answer = [&](bool ok, bool restart, std::string detail) {
            m_runOnUi([done, ok, restart, detail = std::move(detail)] { done(ok, restart, detail); });
        };
        if (!plan.ok()) {
            std::string problem = !plan.problems.empty() ? plan.problems.begin()->first + ": " + plan.problems.begin()->second
                                                         : plan.otherProblems.front();
            m_audit->append(entry(core::AuditAction::SettingsRejected, problem));
            answer(false, false, problem);
            return;
        }
        const std::filesystem::path local = texts.localName;
        if (local.has_parent_path()) {
            if (auto made = ensureDataDir(local.parent_path()); !made) {
                answer(false, false, made.error().message);
                return;
            }
        }
        const auto mode = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                          std::filesystem::perms::group_read | std::filesystem::perms::others_read;
        if (auto written = core::writeFileAtomically(local, plan.localText, {.mode = mode, .afterStep = {}}); !written) {
            spdlog::error("staff: settings not saved: {}", written.error().message);
            answer(false, false, written.error().message);
            return;
        }
        bool restart = false;
        for (const core::SettingChange& c : plan.changes) {
            const auto info = core::configKeyInfo(c.key);
            const std::string from = c.fromLayer == core::ConfigLayer::Local ? c.from : c.from + " (" + std::string(core::toString(c.fromLayer)) + ")";
            const std::string to = c.toLayer == core::ConfigLayer::Local ? c.to : c.to + " (" + std::string(core::toString(c.toLayer)) + ")";
            m_audit->append(core::settingChanged(wallNow(), c.key, from, to, info && info->secret));
            restart = restart || c.needsRestart;
        }
        spdlog::info("staff: {} setting(s) saved to {}", plan.changes.size(), local.string());
        answer(true, restart, {});
    });
}

//-----------------------------------------------------------------------------
// [SECTION] backend and provisioning
//-----------------------------------------------------------------------------

void StaffService::testBackend(std::function<void(std::optional<core::LookupErrorKind>, double)> done) {
    const core::Settings settings = m_settings;
    m_worker->post([this, settings, done = std::move(done)] {
        const auto started = Clock::now();
        std::optional<core::LookupErrorKind> failure;
        auto options = backendOptionsFrom(settings.backend);
        if (!options) {
            failure = options.error().kind;
            spdlog::warn("staff backend test: {}", options.error().diagnostic);
        } else {
            Devices devices = buildDevices(settings, DeviceSet{.http = true, .printer = false, .camera = false, .scanners = false});
            options->retries = 0;
            BackendClient client(*devices.http, std::move(*options));
            // A made-up ETag: the answer is the catalog, "not modified" or "no catalog" (404), each of
            // which proves the backend is reachable and took the token.
            auto fetched = client.fetchCatalog("\"kiosk-staff-test\"", nullptr);
            if (!fetched && fetched.error().kind != core::LookupErrorKind::NotFound) failure = fetched.error().kind;
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        m_runOnUi([done, failure, ms] { done(failure, ms); });
    });
}

void StaffService::provision(std::string documentText, std::function<void(bool, std::string)> done) {
    const StaffPaths paths = staffPathsFor(m_settings);
    const core::Settings settings = m_settings;
    m_worker->post([this, paths, settings, text = std::move(documentText), done = std::move(done)]() mutable {
        const core::ConfigTexts texts = readConfigTexts(m_options);
        Devices devices = buildDevices(settings, DeviceSet{.http = true, .printer = false, .camera = false, .scanners = false});
        const ProvisionOutcome outcome = provisionKiosk(text, texts, paths, *devices.http, *m_audit);
        std::fill(text.begin(), text.end(), '\0');
        m_runOnUi([done, outcome] { done(outcome.ok, outcome.failure); });
    });
}

void StaffService::whenIdle(std::function<void()> done) {
    m_worker->post([this, done = std::move(done)] { m_runOnUi(done); });
}

void StaffService::reloadSettings(std::function<void(core::Result<core::LoadedSettings>, PinStatus)> done) {
    m_worker->post([this, done = std::move(done)] {
        auto loaded = loadSettingsFor(m_options);
        PinStatus pin = loaded ? readPinStatus(loaded->settings) : PinStatus{};
        m_runOnUi([done, loaded = std::move(loaded), pin]() mutable { done(std::move(loaded), pin); });
    });
}

//-----------------------------------------------------------------------------
// [SECTION] power
//-----------------------------------------------------------------------------

void StaffService::powerOff(bool reboot, std::function<void(bool, std::string)> done) {
    const std::string command = reboot ? m_settings.staff.rebootCommand : m_settings.staff.poweroffCommand;
    m_worker->post([this, reboot, command, done = std::move(done)] {
        const auto action = reboot ? core::AuditAction::Reboot : core::AuditAction::Shutdown;
        if (command.empty()) {
            m_runOnUi([done] { done(false, "not_configured"); });
            return;
        }
        m_audit->append(entry(action, "requested"));
        const auto code = runCommand(command, std::chrono::seconds(30));
        const bool ok = code && *code == 0;
        const std::string detail = !code ? std::string("did_not_finish") : "exit " + std::to_string(*code);
        if (!ok) {
            spdlog::error("staff: `{}` failed ({})", command, detail);
            m_audit->append(entry(action, "failed: " + detail));
        }
        m_runOnUi([done, ok, detail] { done(ok, detail); });
    });
}

}  // namespace kiosk::app
